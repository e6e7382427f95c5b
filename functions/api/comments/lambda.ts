import { lambdaRoutes } from '../../shared/lambda.ts';
import { route as addComment } from './add-comment.ts';
import { route as deleteComment } from './delete-comment.ts';
import { route as editComment } from './edit-comment.ts';
import { route as listComments } from './list-comments.ts';

/** The one Lambda function of the comment routes. */
export const handler = lambdaRoutes([addComment, listComments, editComment, deleteComment]);
