import type { Caller } from '#shared/domain/model/caller.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { requestUpload } from '#shared/domain/usecases/attachments/request-upload.ts';
import { givenCycle, givenMunicipality, runPhase, type UnitEnv, unitPorts } from './unit-ports.ts';

/** A PDF's first bytes: enough for the content check. */
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
/** HTML announced as something else. */
export const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');

/** The fixture municipality's members as people who act (their ids and names from the store). */
export async function people(env: UnitEnv) {
  const members = await env.ports.users.membersOf('bg-stolipinovo');
  const as = async (role: 'municipality' | 'cag', index = 0) => {
    const membership = members.filter((one) => one.role === role)[index];
    if (!membership) throw new Error(`no ${role} member`);
    const user = await env.ports.users.get(membership.userId);
    return {
      role,
      municipalityId: 'bg-stolipinovo',
      userId: membership.userId,
      name: user?.displayName ?? '',
      membershipId: membership.membershipId,
    } as Caller & { userId: string; name: string };
  };
  return { staff: await as('municipality'), cag: await as('cag'), cagTwo: await as('cag', 1) };
}

/** Unit ports with the fixture municipality and the assessment task open. */
export async function evidenceEnv() {
  const env = unitPorts();
  await givenMunicipality(env.ports);
  const [task] = (await runPhase(env, await givenCycle(env), 'assessment')) as [Task];
  return { env, task, ...(await people(env)) };
}

/** Announces a file and puts its bytes where the signed URL points, as a client does. */
export async function uploaded(
  env: UnitEnv,
  caller: Caller,
  task: Task,
  bytes: Uint8Array,
  file: { name?: string; contentType?: string; personal?: boolean } = {},
) {
  const { attachment } = await requestUpload(env.ports, caller, task.taskId, {
    name: file.name ?? 'minutes.pdf',
    contentType: file.contentType ?? 'application/pdf',
    size: bytes.length,
    ...(file.personal ? { personal: true } : {}),
  });
  env.files.put(attachment.objectKey, bytes);
  return attachment;
}
