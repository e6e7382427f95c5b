import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the test SMTP server accepted. */
export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  /** Who authenticated. */
  user: string | undefined;
  mail: ParsedMail;
}

/** A tiny SMTP server on a free loopback port (nodemailer's own `smtp-server`), keeping what it accepts. */
export interface TestSmtpServer {
  port: number;
  /** `smtp://user:pass@127.0.0.1:port`. */
  url: string;
  received: ReceivedMail[];
  /** Makes the server answer RCPT TO with this code (e.g. 451, 550), or accept again (undefined). */
  refuseWith(code: number | undefined): void;
  /** Holds every DATA answer until the returned function is called. */
  hold(): () => void;
  close(): Promise<void>;
}

/** Starts a test SMTP server that requires these credentials (plain AUTH, no TLS: it is loopback only). */
export async function startSmtpServer(
  credentials = { user: 'romact', pass: 's3cret' },
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusal: number | undefined;
  let gate: Promise<void> | undefined;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass)
        return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      if (refusal) return callback(Object.assign(new Error('Not now'), { responseCode: refusal }));
      return callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await gate;
          received.push({
            to: session.envelope.rcptTo.map((one) => one.address),
            user: session.user as string | undefined,
            mail,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`,
    received,
    refuseWith: (code) => {
      refusal = code;
    },
    hold: () => {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
