import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { apiUrl, type GlobalOptions, request, requestPublic } from './client.ts';
import { invalidInput } from './errors.ts';
import { forgetSession, loadSession, saveSession } from './sessions.ts';

/** `romact login | logout | whoami | switch` and `romact admin create-user`: people, from a terminal. */

interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { userId: string; displayName: string };
  memberships: Membership[];
  activeMembershipId: string;
}
interface Membership {
  membershipId: string;
  role: string;
  countries?: string[];
  municipalityId?: string;
  municipalityName?: string;
}

const describe = (membership: Membership) =>
  membership.role === 'coordinator'
    ? `coordinator of ${membership.countries?.join(', ')}`
    : `${membership.role === 'cag' ? 'CAG member' : 'municipal staff'} of ${membership.municipalityName ?? membership.municipalityId}`;

/** Reads one line: the code a person types (or pipes in). */
async function ask(question: string): Promise<string> {
  const prompt = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY,
  });
  // Input that ends before a line (a pipe that closed, Ctrl-D) would leave the question pending for ever and
  // Node would exit 13 without a word: it is a missing answer.
  const ended = new Promise<never>((_, reject) =>
    prompt.once('close', () => reject(invalidInput('No code was entered: the input ended before a line'))),
  );
  try {
    return (await Promise.race([prompt.question(question), ended])).trim();
  } finally {
    prompt.close();
  }
}

function keep(options: GlobalOptions, signedIn: SignedIn) {
  saveSession(apiUrl(options), {
    accessToken: signedIn.accessToken,
    refreshToken: signedIn.refreshToken,
    expiresAt: Date.now() + signedIn.expiresIn * 1_000,
    displayName: signedIn.user.displayName,
    activeMembershipId: signedIn.activeMembershipId,
  });
}

/** Adds the people commands to the program. */
export function peopleCommands(
  program: Command,
  globals: () => GlobalOptions,
  print: (value: unknown, human: () => string) => void,
): void {
  program
    .command('login')
    .description('sign in with a code sent to your email or phone (the session is kept for this API)')
    .option('--email <address>', 'your email address')
    .option('--phone <number>', 'your phone number, E.164 (+359…)')
    .option('--code <code>', 'the code, if you have it already (otherwise you are asked for it)')
    .option('--membership <id>', 'act in this membership (see `romact whoami`)')
    .action(async (options: { email?: string; phone?: string; code?: string; membership?: string }) => {
      if (!options.email === !options.phone) throw invalidInput('Give --email or --phone (one of them)');
      const address = options.email ?? options.phone ?? '';
      const channel = options.email ? 'email' : 'sms';
      if (!options.code) {
        await requestPublic(globals(), 'POST', '/auth/start', { channel, address });
        process.stderr.write(
          `A code was sent to ${address} (on a local server, see it with: npx romact notifications --as coordinator --recipient ${address}).\n`,
        );
      }
      const code = options.code ?? (await ask('Code: '));
      const signedIn = await requestPublic<SignedIn>(globals(), 'POST', '/auth/verify', {
        channel,
        address,
        code,
        ...(options.membership ? { membershipId: options.membership } : {}),
      });
      keep(globals(), signedIn);
      const active = signedIn.memberships.find((one) => one.membershipId === signedIn.activeMembershipId);
      print({ user: signedIn.user, activeMembershipId: signedIn.activeMembershipId }, () =>
        [
          `Signed in as ${signedIn.user.displayName}${active ? `, ${describe(active)}` : ''}.`,
          ...(signedIn.memberships.length > 1
            ? ['Switch with `romact switch <membership>` (see `romact whoami`).']
            : []),
        ].join('\n'),
      );
    });

  program
    .command('logout')
    .description('end the session with this API')
    .action(async () => {
      const session = loadSession(apiUrl(globals()));
      if (session)
        await requestPublic(globals(), 'POST', '/auth/logout', { refreshToken: session.refreshToken }).catch(
          () => undefined,
        );
      forgetSession(apiUrl(globals()));
      print({ signedOut: true }, () => 'Signed out.');
    });

  program
    .command('whoami')
    .description('who you are signed in as, and your memberships')
    .action(async () => {
      const me = await request(globals(), 'GET', '/me');
      print(me, () =>
        [
          `${me.user.displayName} (${me.user.channels.map((channel: { address: string }) => channel.address).join(', ')}), ${me.user.locale}, ${me.user.timeZone}`,
          ...me.memberships.map(
            (membership: Membership) =>
              `${membership.membershipId === me.activeMembershipId ? '*' : ' '} ${membership.membershipId}  ${describe(membership)}`,
          ),
        ].join('\n'),
      );
    });

  program
    .command('switch <membershipId>')
    .description('act in another of your memberships')
    .action(async (membershipId: string) => {
      const session = loadSession(apiUrl(globals()));
      if (!session) throw invalidInput('Not signed in: `romact login` first');
      const signedIn = await requestPublic<SignedIn>(globals(), 'POST', '/auth/refresh', {
        refreshToken: session.refreshToken,
        membershipId,
      });
      keep(globals(), signedIn);
      const active = signedIn.memberships.find((one) => one.membershipId === signedIn.activeMembershipId);
      print(
        { activeMembershipId: signedIn.activeMembershipId },
        () => `Now acting as ${active ? describe(active) : membershipId}.`,
      );
    });

  const admin = program.command('admin').description('administration of a local server');
  admin
    .command('create-user')
    .description('add a person with a membership (the first coordinator is made so)')
    .requiredOption('--role <role>', 'coordinator, municipality or cag')
    .requiredOption('--name <name>', 'their name, as others will see it')
    .option('--email <address>', 'their email address')
    .option('--phone <number>', 'their phone number, E.164 (+359…)')
    .option('--countries <codes>', 'a coordinator’s countries, e.g. BG,RO')
    .option('--municipality-id <id>', 'the municipality of staff or a CAG member')
    .option('--locale <code>', 'their language: en, bg, hu, it, ro, sk', 'en')
    .option('--time-zone <zone>', 'their time zone, e.g. Europe/Sofia', 'UTC')
    .action(
      async (options: {
        role: string;
        name: string;
        email?: string;
        phone?: string;
        countries?: string;
        municipalityId?: string;
        locale: string;
        timeZone: string;
      }) => {
        // `--countries` is also the program's own option (a minted token's countries), which commander hands to
        // the program rather than to this command: read it from either.
        const countries = (options.countries ?? globals().countries)
          ?.split(',')
          .map((code) => code.trim())
          .filter(Boolean);
        const created = await request(
          // Always the local secret's token, never the session of whoever signed in on this machine.
          { ...globals(), as: 'coordinator' },
          'POST',
          '/users',
          {
            displayName: options.name,
            role: options.role,
            locale: options.locale,
            timeZone: options.timeZone,
            ...(options.email ? { email: options.email } : {}),
            ...(options.phone ? { phone: options.phone } : {}),
            ...(countries ? { countries } : {}),
            ...(options.municipalityId ? { municipalityId: options.municipalityId } : {}),
          },
          // The local server's secret makes a coordinator of the same countries (or, for staff, of every country).
          countries ? { role: 'coordinator', countries: countries.join(',') } : undefined,
        );
        print(
          created,
          () =>
            `Created ${created.user.displayName} (${created.user.userId}), ${describe(created.membership)}. They sign in with: npx romact login --${options.email ? `email ${options.email}` : `phone ${options.phone}`}`,
        );
      },
    );
}
