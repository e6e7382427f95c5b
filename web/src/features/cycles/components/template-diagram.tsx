import { useTranslation } from 'react-i18next';
import type { Template } from '../../../lib/api-types.ts';

/**
 * The template as a flowchart: its phases top to bottom, each with its tasks side by side and who does them,
 * the way back when a joint approval rejects the plan, and the cycle's current phase highlighted.
 *
 * Drawn as plain SVG rather than with Mermaid: Mermaid sets inline style attributes while it lays a diagram
 * out, which the app's CSP (`style-src 'self'`) refuses, so it draws a broken picture. A template's shape (a
 * column of phases, an optional loop back) needs no layout engine. Loaded with the cycle page only.
 */

const WIDTH = 420;
const PHASE_GAP = 36;
const TASK_HEIGHT = 74;
const HEADER = 34;
const PAD = 10;
const LEFT = 48;

/** Splits a label into lines of at most `max` characters, at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 3);
}

export default function TemplateDiagram({
  template,
  currentPhase,
}: {
  template: Template;
  currentPhase?: string;
}) {
  const { t } = useTranslation();
  const phaseWidth = WIDTH - LEFT - 8;
  let y = 44;
  const boxes = template.phases.map((phase, index) => {
    const top = y;
    const height = HEADER + TASK_HEIGHT + PAD * 2;
    y += height + PHASE_GAP;
    return { phase, index, top, height };
  });
  const endY = y - PHASE_GAP + 22;
  const height = endY + 30;
  const centre = LEFT + phaseWidth / 2;
  const topOf = (key: string) => boxes.find((box) => box.phase.key === key)?.top ?? 0;
  return (
    <svg
      className="flow"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={t('diagram.label', { title: template.title })}
    >
      <defs>
        <marker
          id="flow-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="flow-arrowhead" />
        </marker>
      </defs>
      <rect x={centre - 50} y={4} width={100} height={26} rx={13} className="flow-terminal" />
      <text x={centre} y={21} textAnchor="middle" className="flow-small">
        {t('diagram.start')}
      </text>
      {boxes.map(({ phase, index, top, height: boxHeight }, position) => {
        const current = phase.key === currentPhase;
        const previousBottom =
          position === 0 ? 30 : (boxes[position - 1]?.top ?? 0) + (boxes[position - 1]?.height ?? 0);
        const taskWidth = (phaseWidth - PAD * (phase.tasks.length + 1)) / phase.tasks.length;
        return (
          <g key={phase.key}>
            <line
              x1={centre}
              x2={centre}
              y1={previousBottom}
              y2={top - 2}
              className="flow-line"
              markerEnd="url(#flow-arrow)"
            />
            <rect
              x={LEFT}
              y={top}
              width={phaseWidth}
              height={boxHeight}
              className={current ? 'flow-phase flow-phase--current' : 'flow-phase'}
            />
            <text x={LEFT + PAD} y={top + 20} className="flow-title">
              {index + 1}. {phase.title}
              {current ? ` – ${t('diagram.now')}` : ''}
            </text>
            {phase.tasks.map((task, taskIndex) => {
              const x = LEFT + PAD + taskIndex * (taskWidth + PAD);
              const lines = wrap(task.title, Math.max(14, Math.floor(taskWidth / 8.5)));
              return (
                <g key={task.key}>
                  <rect x={x} y={top + HEADER} width={taskWidth} height={TASK_HEIGHT} className="flow-task" />
                  {lines.map((line, lineIndex) => (
                    <text key={line} x={x + 6} y={top + HEADER + 18 + lineIndex * 17} className="flow-small">
                      {line}
                    </text>
                  ))}
                  <text x={x + 6} y={top + HEADER + TASK_HEIGHT - 6} className="flow-role">
                    {t(`diagram.who.${task.assignee}`)}
                  </text>
                </g>
              );
            })}
            {phase.approval ? (
              <g>
                <path
                  d={`M ${LEFT} ${top + boxHeight / 2} H ${LEFT - 30} V ${topOf(phase.approval.backTo) + 20} H ${LEFT - 2}`}
                  className="flow-line flow-line--back"
                  markerEnd="url(#flow-arrow)"
                />
                <text x={4} y={top + boxHeight + 14} className="flow-role" textAnchor="start">
                  {t('diagram.rejected')}
                </text>
              </g>
            ) : null}
          </g>
        );
      })}
      <line
        x1={centre}
        x2={centre}
        y1={endY - 24}
        y2={endY - 2}
        className="flow-line"
        markerEnd="url(#flow-arrow)"
      />
      <rect x={centre - 80} y={endY} width={160} height={26} rx={13} className="flow-terminal" />
      <text x={centre} y={endY + 17} textAnchor="middle" className="flow-small">
        {t('diagram.end')}
      </text>
    </svg>
  );
}
