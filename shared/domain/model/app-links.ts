/**
 * Where a message's links lead: pages of the web app, never API routes (a browser opening an API path gets
 * JSON). The web app's router serves these paths; `web/` keeps its routes in step with them.
 */
export const appLinks = {
  task: (publicUrl: string, taskId: string) => `${publicUrl}/task/${encodeURIComponent(taskId)}`,
  cycle: (publicUrl: string, cycleId: string) => `${publicUrl}/cycle/${encodeURIComponent(cycleId)}`,
  /** The short form an SMS carries: the page resolves the code to its task. */
  short: (publicUrl: string, code: string) => `${publicUrl}/t/${code}`,
  home: (publicUrl: string) => `${publicUrl}/`,
};
