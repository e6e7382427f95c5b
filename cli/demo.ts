import { apiUrl, type GlobalOptions, health, request, requestPublic } from './client.ts';

/**
 * `romact demo`: a coordinator, two municipalities in two countries with their staff and CAG members, a cycle
 * each, and the first task completed by the municipality's staff member, signed in with a code as a person.
 */

/** The demo's people to sign in as (their codes land in the local outbox). */
const DEMO_COORDINATOR = { name: 'Demo Coordinator', email: 'coordinator@romact.example' };
const DEMO_STAFF = 'roma-inclusion@plovdiv.example';
const DEMO_CAG_PHONE = '+359888000111';

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

/** Signs a person in the way the web app does, reading the code from the local outbox. */
async function signIn(options: GlobalOptions, email: string): Promise<string> {
  await requestPublic(options, 'POST', '/auth/start', { channel: 'email', address: email });
  const outbox = await request(options, 'GET', `/outbox?recipient=${encodeURIComponent(email)}`, undefined, {
    role: 'coordinator',
    countries: 'BG,RO',
  });
  const text: string =
    outbox.items.filter((item: { kinds: string[] }) => item.kinds.includes('sign-in')).at(-1)?.text ?? '';
  const code = /\b(\d{6})\b/.exec(text)?.[1] ?? '';
  const signedIn = await requestPublic(options, 'POST', '/auth/verify', {
    channel: 'email',
    address: email,
    code,
  });
  return signedIn.accessToken as string;
}

export async function runDemo(options: GlobalOptions, say: (line: string) => void) {
  const coordinator = { role: 'coordinator' as const, countries: 'BG,RO' };
  const { planningTime } = await health(options);
  say(`Server planning time: ${planningTime}`);
  await request(
    options,
    'POST',
    '/users',
    {
      displayName: DEMO_COORDINATOR.name,
      email: DEMO_COORDINATOR.email,
      role: 'coordinator',
      countries: ['BG', 'RO'],
    },
    coordinator,
  );
  say(`✓ coordinator ${DEMO_COORDINATOR.name} (${DEMO_COORDINATOR.email}) for BG and RO`);
  // From here the coordinator acts as the person they are: the audit trail names them.
  const asCoordinator = { ...options, token: await signIn(options, DEMO_COORDINATOR.email) };
  for (const { id, body } of municipalities) {
    await request(asCoordinator, 'PUT', `/municipalities/${id}`, body);
    say(
      `✓ municipality ${id} (${body.name}, ${body.country}): ${body.contacts.municipality.length} staff, ${body.contacts.cag.length} CAG member(s)`,
    );
  }
  const cycles: string[] = [];
  for (const { id } of municipalities) {
    const cycle = await request(asCoordinator, 'POST', '/cycles', {
      municipalityId: id,
      clientToken: `demo-${id}`,
      dueOverrides: { 'needs-assessment': 'P10D', 'community-consultation': 'P10D' },
    });
    cycles.push(cycle.cycleId);
    say(`✓ cycle ${cycle.cycleId} started for ${id}`);
  }
  const first = municipalities[0];
  if (first) {
    // The municipality's staff member signs in as a person, so the audit trail names who submitted it.
    const staff = { ...options, token: await signIn(options, DEMO_STAFF) };
    let inbox: { items: { taskId: string; taskKey: string }[] } = { items: [] };
    for (let attempt = 0; attempt < 50 && !inbox.items.length; attempt++) {
      inbox = await request(staff, 'GET', '/tasks');
      if (!inbox.items.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const task = inbox.items.find((one) => one.taskKey === 'needs-assessment');
    if (task) {
      await request(staff, 'POST', `/tasks/${task.taskId}/complete`, assessment);
      say(
        `✓ the municipal contact of ${first.id} submitted the needs assessment: the cycle moves to the community consultation`,
      );
    }
  }
  const web = apiUrl(options);
  say('');
  say(
    `Sign in as one of the demo's people, in the browser (${web}) or with the CLI; the code lands in the outbox:`,
  );
  say(`  npx romact login --email ${DEMO_COORDINATOR.email}     # the coordinator (BG, RO)`);
  say(`  npx romact login --email ${DEMO_STAFF}   # municipal staff, ${first?.id}`);
  say(`  npx romact login --phone ${DEMO_CAG_PHONE}              # a CAG member with a phone only`);
  say(
    `  npx romact notifications --as coordinator --recipient <address>   # read the code sent to an address`,
  );
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
