import { z } from 'zod';

/** Path parameters of the API routes. */
export const IdPath = z.object({ id: z.string().min(1).max(200) });
