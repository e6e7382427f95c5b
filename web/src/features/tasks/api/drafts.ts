/**
 * A task's answers kept on this device while someone types, so a dropped connection or a closed tab loses
 * nothing. `pending` marks answers submitted while offline: they are sent when the connection is back.
 */
export interface Draft {
  data: unknown;
  savedAt: string;
  pending: boolean;
}

const key = (taskId: string) => `romact.draft.v1.${taskId}`;

export function loadDraft(taskId: string): Draft | undefined {
  try {
    const text = localStorage.getItem(key(taskId));
    return text ? (JSON.parse(text) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(taskId: string, draft: Draft): boolean {
  try {
    localStorage.setItem(key(taskId), JSON.stringify(draft));
    return true;
  } catch {
    // Storage full or refused (private mode): the form still works, only without a copy on the device.
    return false;
  }
}

export function clearDraft(taskId: string) {
  try {
    localStorage.removeItem(key(taskId));
  } catch {}
}
