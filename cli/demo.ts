import { type GlobalOptions, health, request } from './client.ts';

/** `romact demo`: two municipalities in two countries, a cycle each, the first tasks completed. */

const municipalities = [
  {
    id: 'bg-demo-stolipinovo',
    body: {
      name: 'Plovdiv – Stolipinovo',
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      contacts: {
        municipality: [{ name: 'Municipal contact', email: 'roma-inclusion@plovdiv.example', locale: 'bg' }],
        cag: [
          { name: 'CAG representative', email: 'cag.stolipinovo@example.org', locale: 'bg' },
          { name: 'CAG member (phone only)', phone: '+359888000111', locale: 'bg' },
        ],
      },
    },
  },
  {
    id: 'ro-demo-ferentari',
    body: {
      name: 'București Sector 5 – Ferentari',
      country: 'RO',
      locale: 'ro',
      timeZone: 'Europe/Bucharest',
      contacts: {
        municipality: [{ name: 'Municipal contact', email: 'incluziune@sector5.example', locale: 'ro' }],
        cag: [{ name: 'CAG representative', phone: '+40722000222', locale: 'ro' }],
      },
    },
  },
];

const assessment = {
  priorities: [
    { area: 'housing', description: 'Repair and legalise homes' },
    { area: 'civil-documentation', description: 'Identity documents for every resident' },
  ],
  neighbourhoods: ['Demo neighbourhood'],
  summary: 'Housing and documents come first; schools follow.',
};

export async function runDemo(options: GlobalOptions, say: (line: string) => void) {
  const coordinator = { role: 'coordinator' as const, countries: 'BG,RO' };
  const { planningTime } = await health(options);
  say(`Server planning time: ${planningTime}`);
  for (const { id, body } of municipalities) {
    await request(options, 'PUT', `/municipalities/${id}`, body, coordinator);
    say(
      `✓ municipality ${id} (${body.name}, ${body.country}) with ${body.contacts.cag.length} CAG contact(s)`,
    );
  }
  const cycles: string[] = [];
  for (const { id } of municipalities) {
    const cycle = await request(
      options,
      'POST',
      '/cycles',
      {
        municipalityId: id,
        clientToken: `demo-${id}`,
        dueOverrides: { 'needs-assessment': 'P10D', 'community-consultation': 'P10D' },
      },
      coordinator,
    );
    cycles.push(cycle.cycleId);
    say(`✓ cycle ${cycle.cycleId} started for ${id}`);
  }
  const first = municipalities[0];
  if (first) {
    const claims = { role: 'municipality' as const, municipality: first.id };
    let inbox: { items: { taskId: string; taskKey: string }[] } = { items: [] };
    for (let attempt = 0; attempt < 50 && !inbox.items.length; attempt++) {
      inbox = await request(options, 'GET', '/tasks', undefined, claims);
      if (!inbox.items.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const task = inbox.items.find((one) => one.taskKey === 'needs-assessment');
    if (task) {
      await request(options, 'POST', `/tasks/${task.taskId}/complete`, assessment, claims);
      say(`✓ ${first.id} submitted its needs assessment: the cycle moves to the community consultation`);
    }
  }
  say('');
  say('Next:');
  say(`  npx romact cycle show ${cycles[0]}        # the timeline: planned vs actual, what is late`);
  say(`  npx romact task list --as cag --municipality ${first?.id}`);
  say(
    `  npx romact task complete <taskId> --as cag --municipality ${first?.id} --data examples/outputs/community-consultation.json`,
  );
  say(`  npx romact cycle list`);
  say('  npx romact notifications              # the outbox: assignments, reminders, overdue, escalations');
  say(
    '  With ROMACT_TIME_SCALE=17280 npm start (a day every 5 s), the 10-day deadlines pass within a minute or two.',
  );
}
