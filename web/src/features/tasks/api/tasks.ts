import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Page, Task } from '../../../lib/api-types.ts';
import { useAuth } from '../../../lib/auth.tsx';

/** The caller's open tasks, earliest due first (the API's order). */
export function useInbox() {
  const { session } = useAuth();
  return useQuery({
    queryKey: ['tasks', 'inbox', session?.activeMembershipId],
    queryFn: ({ signal }) => api<Page<Task>>('GET', '/tasks', { query: { limit: 100 }, signal }),
  });
}

export function useTask(taskId: string | undefined) {
  return useQuery({
    queryKey: ['task', taskId],
    queryFn: ({ signal }) => api<Task>('GET', `/tasks/${encodeURIComponent(taskId ?? '')}`, { signal }),
    enabled: Boolean(taskId),
  });
}

/** Submits a task's output; the task, the inbox and the cycle are read again afterwards. */
export function useCompleteTask(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (output: unknown) =>
      api<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, { body: output }),
    onSuccess: (task) => {
      client.setQueryData(['task', taskId], task);
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['cycle', task.cycleId] });
      void client.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}

/** A coordinator moves a task's deadline, with a reason for the audit trail. */
export function useExtendTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, dueAt, reason }: { taskId: string; dueAt: string; reason: string }) =>
      api<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/extend`, { body: { dueAt, reason } }),
    onSuccess: (task) => {
      client.setQueryData(['task', task.taskId], task);
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['cycle', task.cycleId] });
      void client.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}

/** How urgent a task is for the reader: overdue, due within 7 days, or later. */
export function urgency(
  task: Pick<Task, 'dueAt' | 'overdue'>,
  now = Date.now(),
): 'overdue' | 'soon' | 'later' {
  if (task.overdue || Date.parse(task.dueAt) < now) return 'overdue';
  return Date.parse(task.dueAt) - now <= 7 * 86_400_000 ? 'soon' : 'later';
}

/** How the CAG members agreed that someone else records their answers. */
export interface Consent {
  method: 'verbal' | 'written' | 'other';
  givenOn: string;
  reference?: string;
}

/** Staff or a coordinator records a CAG task for the members who were present (assisted entry). */
export function useCompleteOnBehalf(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { output: unknown; onBehalfOf: string[]; consent: Consent }) =>
      api<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/complete-on-behalf`, { body }),
    onSuccess: (task) => {
      client.setQueryData(['task', taskId], task);
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['cycle', task.cycleId] });
    },
  });
}
