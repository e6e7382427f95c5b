import { lambdaRoutes } from '../../shared/lambda.ts';
import { route as confirmUpload } from './confirm-upload.ts';
import { route as deleteAttachment } from './delete-attachment.ts';
import { route as downloadAttachment } from './download-attachment.ts';
import { route as listAttachments } from './list-attachments.ts';
import { route as requestUpload } from './request-upload.ts';

/** The one Lambda function of the attachment routes. */
export const handler = lambdaRoutes([
  requestUpload,
  confirmUpload,
  listAttachments,
  downloadAttachment,
  deleteAttachment,
]);
