import type { CycleTemplate, PhaseTemplate } from '#shared/domain/model/template.ts';
import type { AslState } from '../asl.ts';

/** What a phase kind is compiled with. */
export interface PhaseCompileContext<P extends PhaseTemplate> {
  template: CycleTemplate;
  phase: P;
  index: number;
  /** Where the cycle goes once this phase is through (the next phase, the outcome, or the end). */
  continueTo: string;
}

/** How one phase kind becomes ASL and a diagram. */
export interface PhaseKindCompiler<P extends PhaseTemplate> {
  /**
   * The states that follow the phase's end step, added to `states`; returns the state the end step goes to.
   * Every phase starts the same way (start step, its tasks in parallel, end step); kinds differ in what follows.
   */
  afterEnd(context: PhaseCompileContext<P>, states: Record<string, AslState>): string;
  /** Extra Mermaid lines for the phase (`id` makes a node id from a key). */
  diagram(phase: P, id: (key: string) => string): string[];
}
