import type { OpenDataRow } from '#shared/domain/model/open-data.ts';
import type { PublicPage } from '#shared/domain/usecases/publications/public-page.ts';
import { type PublicPageTexts, publicPageTexts } from './public-page-texts.ts';

/**
 * The public page as HTML that needs no JavaScript: headings, lists and tables, indicator bars drawn with CSS
 * beside the numbers they show (the numbers are the content; the bars only repeat them). Every value is
 * escaped. In the municipality's language or English, with a link to the other.
 */

const escapeHtml = (text: unknown) =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => escapeHtml(values[name] ?? match));

const STYLE = `
body{font:1.05rem/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
main{max-width:46rem;margin:0 auto;padding:1rem}
header{background:#0b3d91;color:#fff;padding:1rem}
header a{color:#fff}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #0b3d91}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}
.bar{background:#e6e6e6;height:.7rem;min-width:6rem}
.bar span{display:block;height:100%;background:#0b6b3a}
.muted{color:#4a4a4a}
`;

/** The page's language: asked for (en or the municipality's), else the municipality's, else English. */
export function pageLocale(page: Pick<PublicPage, 'locale'>, asked?: string): string {
  const allowed = new Set(['en', page.locale]);
  const locale = asked && allowed.has(asked) ? asked : page.locale;
  return publicPageTexts[locale] ? locale : 'en';
}

function rows(items: OpenDataRow[], render: (row: OpenDataRow) => string, t: PublicPageTexts) {
  return items.length
    ? `<ul>${items.map((item) => `<li>${render(item)}</li>`).join('')}</ul>`
    : `<p>${t.none}</p>`;
}

/** The whole page. */
export function renderPublicPage(page: PublicPage, locale: string): string {
  const t = publicPageTexts[locale] ?? (publicPageTexts.en as PublicPageTexts);
  const number = new Intl.NumberFormat(locale);
  const other = locale === 'en' ? page.locale : 'en';
  const cycle = page.cycle;
  const balance = page.group.genderBalance;
  const indicators = cycle?.indicators ?? [];
  const sections = [
    `<section aria-labelledby="group"><h2 id="group">${t.group}</h2><p>${fill(t.members, { count: number.format(page.group.cagMembers) })}</p>${
      balance
        ? `<table><tbody>${(
            [
              [t.women, balance.women],
              [t.men, balance.men],
              [t.other, balance.otherOrUndisclosed],
            ] as const
          )
            .map(([label, count]) => `<tr><th scope="row">${label}</th><td>${number.format(count)}</td></tr>`)
            .join('')}</tbody></table>`
        : ''
    }</section>`,
  ];
  if (!cycle) sections.push(`<p>${t.noCycle}</p>`);
  else {
    sections.push(
      `<section aria-labelledby="priorities"><h2 id="priorities">${t.priorities}</h2>${rows(
        cycle.priorities,
        (row) => escapeHtml(row.label ?? String(row.area ?? '').replace(/-/g, ' ')),
        t,
      )}</section>`,
      `<section aria-labelledby="actions"><h2 id="actions">${t.actions}</h2>${rows(
        cycle.actions,
        (row) =>
          `${escapeHtml(row.label)}${row.status ? ` <span class="muted">(${escapeHtml(row.status)})</span>` : ''}`,
        t,
      )}</section>`,
      `<section aria-labelledby="funding"><h2 id="funding">${t.funding}</h2>${
        page.funding.length
          ? `<ul>${page.funding
              .map(
                (sum) =>
                  `<li>${fill(t.fundingLine, {
                    amount: new Intl.NumberFormat(locale, {
                      style: 'currency',
                      currency: sum.currency,
                    }).format(sum.amount),
                    count: number.format(sum.applications),
                  })}</li>`,
              )
              .join('')}</ul>`
          : `<p>${t.none}</p>`
      }</section>`,
      `<section aria-labelledby="indicators"><h2 id="indicators">${t.indicators}</h2>${
        indicators.length
          ? `<table><thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.baseline}</th><th scope="col">${t.target}</th><th scope="col">${t.achieved}</th></tr></thead><tbody>${indicators
              .map((row) => {
                const target = Number(row.target ?? 0);
                const actual = Number(row.actual ?? 0);
                const share = target > 0 ? Math.min(100, Math.round((actual / target) * 100)) : 0;
                const cell = (value: unknown) =>
                  value === undefined ? '–' : escapeHtml(number.format(Number(value)));
                return `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${cell(row.baseline)}</td><td>${cell(row.target)}</td><td>${cell(row.actual)}${
                  target > 0
                    ? `<div class="bar" aria-hidden="true"><span style="width:${share}%"></span></div>`
                    : ''
                }</td></tr>`;
              })
              .join('')}</tbody></table>`
          : `<p>${t.none}</p>`
      }</section>`,
      `<section aria-labelledby="timeline"><h2 id="timeline">${t.timeline}</h2><table><thead><tr><th scope="col">${t.phase}</th><th scope="col">${t.started}</th><th scope="col">${t.ended}</th></tr></thead><tbody>${cycle.phases
        .map((row) => {
          const title = cycle.phaseTitles[String(row.label)];
          return `<tr><th scope="row">${escapeHtml(title?.[locale] ?? title?.en ?? row.label)}</th><td>${escapeHtml(row.started_on)}</td><td>${
            row.completed_on ? escapeHtml(row.completed_on) : t.running
          }</td></tr>`;
        })
        .join('')}</tbody></table></section>`,
    );
  }
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fill(t.heading, { name: page.name })}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${fill(t.heading, { name: page.name })}</h1>${
    other !== locale && publicPageTexts[other]
      ? `<p><a href="?lang=${escapeHtml(other)}" hreflang="${escapeHtml(other)}" lang="${escapeHtml(other)}">${escapeHtml(publicPageTexts[other].language)}: ${escapeHtml(other.toUpperCase())}</a></p>`
      : ''
  }</header>
<main>
<p>${t.intro}</p>
${sections.join('\n')}
<p class="muted">${fill(t.updated, { date: page.updatedAt.slice(0, 10) })}</p>
</main>
</body>
</html>`;
}

/** The page for a municipality that has none (or withdrew it): the same for both, so nothing is revealed. */
export function renderNotPublished(locale = 'en'): string {
  const t = publicPageTexts[locale] ?? (publicPageTexts.en as PublicPageTexts);
  return `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.notFound}</title></head><body><main><h1>${t.notFound}</h1></main></body></html>`;
}
