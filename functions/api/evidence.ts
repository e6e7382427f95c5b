import { lambdaRoutes } from '../shared/lambda.ts';
import { route as confirmUpload } from './attachments/confirm-upload.ts';
import { route as deleteAttachment } from './attachments/delete-attachment.ts';
import { route as downloadAttachment } from './attachments/download-attachment.ts';
import { route as listAttachments } from './attachments/list-attachments.ts';
import { route as requestUpload } from './attachments/request-upload.ts';
import { route as addComment } from './comments/add-comment.ts';
import { route as deleteComment } from './comments/delete-comment.ts';
import { route as editComment } from './comments/edit-comment.ts';
import { route as listComments } from './comments/list-comments.ts';
import { route as exportCycles } from './exports/export-cycles.ts';
import { route as getPublication } from './publications/get-publication.ts';
import { route as giveConsent } from './publications/give-consent.ts';
import { route as withdrawConsent } from './publications/withdraw-consent.ts';

/**
 * The one Lambda function of the evidence routes (files, comments, open-data exports, publication consent):
 * a region's stack must stay under CloudFormation's 500 resources. Its IAM is the union of these routes'
 * access; each route still runs on ports restricted to its own. The public page, which anyone may call, has
 * a read-only function of its own.
 */
export const handler = lambdaRoutes([
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
]);
