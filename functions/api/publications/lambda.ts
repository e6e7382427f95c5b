import { lambdaRoutes } from '../../shared/lambda.ts';
import { route as getPublication } from './get-publication.ts';
import { route as giveConsent } from './give-consent.ts';
import { route as withdrawConsent } from './withdraw-consent.ts';

/** The one Lambda function of the publication consent routes. */
export const handler = lambdaRoutes([getPublication, giveConsent, withdrawConsent]);
