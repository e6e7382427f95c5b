import { fileURLToPath } from 'node:url';
import { route as confirmUpload } from './api/attachments/confirm-upload.ts';
import { route as deleteAttachment } from './api/attachments/delete-attachment.ts';
import { route as downloadAttachment } from './api/attachments/download-attachment.ts';
import { route as listAttachments } from './api/attachments/list-attachments.ts';
import { route as requestUpload } from './api/attachments/request-upload.ts';
import { route as refreshSession } from './api/auth/refresh-session.ts';
import { route as signOut } from './api/auth/sign-out.ts';
import { route as signInStart } from './api/auth/start-sign-in.ts';
import { route as signInVerify } from './api/auth/verify-sign-in.ts';
import { route as cancelCycle } from './api/cancel-cycle.ts';
import { route as addComment } from './api/comments/add-comment.ts';
import { route as deleteComment } from './api/comments/delete-comment.ts';
import { route as editComment } from './api/comments/edit-comment.ts';
import { route as listComments } from './api/comments/list-comments.ts';
import { route as completeOnBehalf } from './api/complete-on-behalf.ts';
import { route as completeTask } from './api/complete-task.ts';
import { route as eraseContacts } from './api/erase-contacts.ts';
import { route as exportCycles } from './api/exports/export-cycles.ts';
import { route as extendTask } from './api/extend-task.ts';
import { route as getCalendar } from './api/get-calendar.ts';
import { route as getCycle } from './api/get-cycle.ts';
import { route as getCycleResults } from './api/get-cycle-results.ts';
import { route as getMunicipality } from './api/get-municipality.ts';
import { route as getTask } from './api/get-task.ts';
import { route as getTemplate } from './api/get-template.ts';
import { route as listCycles } from './api/list-cycles.ts';
import { route as listPortfolio } from './api/list-portfolio.ts';
import { route as listTasks } from './api/list-tasks.ts';
import { route as listTemplates } from './api/list-templates.ts';
import { route as exportMe } from './api/me/export-me.ts';
import { route as getCalendarUrl } from './api/me/get-calendar-url.ts';
import { route as getMe } from './api/me/get-me.ts';
import { route as rotateCalendarUrl } from './api/me/rotate-calendar-url.ts';
import { route as updateMe } from './api/me/update-me.ts';
import { route as objectToEntry } from './api/object-to-entry.ts';
import { route as createUser } from './api/people/create-user.ts';
import { route as eraseUser } from './api/people/erase-user.ts';
import { route as inviteMember } from './api/people/invite-member.ts';
import { route as listMembers } from './api/people/list-members.ts';
import { route as listNotifications } from './api/people/list-notifications.ts';
import { route as personalCalendar } from './api/people/personal-calendar.ts';
import { route as removeMember } from './api/people/remove-member.ts';
import { route as getPublication } from './api/publications/get-publication.ts';
import { route as giveConsent } from './api/publications/give-consent.ts';
import { route as publicPage } from './api/publications/public-page.ts';
import { route as withdrawConsent } from './api/publications/withdraw-consent.ts';
import { route as putMunicipality } from './api/put-municipality.ts';
import { route as resolveLink } from './api/resolve-link.ts';
import { route as startCycle } from './api/start-cycle.ts';
import type { ApiRoute } from './shared/api-route.ts';

/**
 * Every route of the HTTP API, served by API Gateway on AWS and by the local server offline. The OpenAPI
 * document, the CDK stack's routes and IAM grants, and the authorisation test matrix derive from this list.
 */
export const apiRoutes: readonly ApiRoute[] = [
  startCycle,
  listCycles,
  getCycle,
  getCycleResults,
  cancelCycle,
  listPortfolio,
  listTasks,
  getTask,
  completeTask,
  extendTask,
  putMunicipality,
  getMunicipality,
  eraseContacts,
  getCalendar,
  signInStart,
  signInVerify,
  refreshSession,
  signOut,
  getMe,
  updateMe,
  getCalendarUrl,
  rotateCalendarUrl,
  exportMe,
  personalCalendar,
  listMembers,
  inviteMember,
  removeMember,
  createUser,
  eraseUser,
  listNotifications,
  resolveLink,
  completeOnBehalf,
  objectToEntry,
  listTemplates,
  getTemplate,
  requestUpload,
  confirmUpload,
  listAttachments,
  downloadAttachment,
  deleteAttachment,
  addComment,
  listComments,
  editComment,
  deleteComment,
  exportCycles,
  getPublication,
  giveConsent,
  withdrawConsent,
  publicPage,
] as unknown as readonly ApiRoute[];

/** The source file of a route's Lambda function (its family's, if it shares one), relative to the project root. */
export const routeEntry = (route: Pick<ApiRoute, 'source' | 'family'>) =>
  fileURLToPath(route.family?.source ?? route.source).slice(
    fileURLToPath(new URL('../', import.meta.url)).length,
  );

/** The name of a route's Lambda function: its own, or its family's. */
export const routeFunctionName = (route: Pick<ApiRoute, 'name' | 'family'>) =>
  route.family?.name ?? route.name;
