import type { Ports } from '#shared/domain/ports.ts';

/**
 * What a function may touch, declared once per route and step: the CDK stack grants IAM from it, the AWS
 * wiring creates only the clients it names, and the local runtime hands the function ports that refuse
 * anything else — so a route declared read-only that writes fails in the local tests, not on AWS.
 */
export interface Access {
  /** Table access: reads only, reads and writes, or the sweep's (its index, task and notification items). */
  table?: 'read' | 'readWrite' | 'sweep';
  /**
   * Step Functions calls: start executions (on the live alias), continue a cycle on the version it runs
   * (chaining), stop them, answer task tokens.
   */
  workflow?: readonly WorkflowAction[];
  /** Notifications: integration events only, or messages (SNS) and events. */
  notify?: 'events' | 'messages';
  /**
   * The user directory (the Cognito user pool on AWS): register people, change the addresses they sign in with,
   * sign them out everywhere, remove them. Only the functions that create, change or erase people.
   */
  directory?: 'manage';
}

const tableWrites: Record<string, readonly string[]> = {
  cycles: ['create', 'update', 'startPhase', 'endPhase'],
  tasks: ['create', 'update'],
  audit: ['append'],
  municipalities: ['put', 'eraseContacts'],
  notifications: ['record', 'claim', 'settle'],
};
/** What a function may do with workflow executions. */
export type WorkflowAction = 'start' | 'continue' | 'stop' | 'taskToken';

const engineActions: Record<string, WorkflowAction> = {
  start: 'start',
  continueOn: 'continue',
  stop: 'stop',
  sendTaskSuccess: 'taskToken',
};

/** A port whose methods in `refused` throw, naming the function and what it was not granted. */
function guard<T extends object>(port: T, refused: (method: string) => string | undefined): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const reason = refused(property);
      if (!reason) return value.bind(target);
      return () => {
        throw new AccessNotGrantedError(reason);
      };
    },
  });
}

/** A function used a port its access does not grant (a bug in the route or step declaration). */
export class AccessNotGrantedError extends Error {
  constructor(reason: string) {
    super(`Access not granted: ${reason}`);
    this.name = 'AccessNotGrantedError';
  }
}

/** The ports a function with `access` may use, as the local runtime hands them out. */
export function restrictPorts<P extends Partial<Ports>>(ports: P, access: Access, name: string): P {
  const restricted: Partial<Ports> = { ...ports };
  for (const repository of Object.keys(tableWrites) as (keyof typeof tableWrites)[]) {
    const port = ports[repository as keyof Ports] as object | undefined;
    if (!port) continue;
    (restricted as Record<string, unknown>)[repository] = guard(port, (method) => {
      if (!access.table) return `${name} has no table access (${repository}.${method})`;
      if (access.table === 'read' && tableWrites[repository]?.includes(method))
        return `${name} may only read the table (${repository}.${method})`;
      return undefined;
    });
  }
  if (ports.engine) {
    restricted.engine = guard(ports.engine, (method) => {
      const action = engineActions[method];
      return action && !access.workflow?.includes(action)
        ? `${name} may not ${action} workflow executions (${method})`
        : undefined;
    });
  }
  if (ports.notifier) {
    restricted.notifier = guard(ports.notifier, (method) => {
      if (method === 'deliver' && access.notify !== 'messages') return `${name} may not send messages`;
      if (method === 'publish' && !access.notify) return `${name} may not publish events`;
      return undefined;
    });
  }
  if (ports.directory) {
    restricted.directory = guard(ports.directory, (method) =>
      access.directory ? undefined : `${name} may not manage people in the user directory (${method})`,
    );
  }
  return restricted as P;
}
