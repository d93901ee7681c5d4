import { z } from 'zod';
import { authChannels } from '../../../shared/contract/auth';

/** The login form is the channel's own input: the browser refuses what the server would. */
export const loginFormSchema = authChannels['auth.login'].input;
export const LOGIN_DEFAULTS = { email: '', password: '' };

/** First-run setup: the channel's input, plus the password typed twice. */
export const setupFormSchema = authChannels['auth.setup'].input
  .extend({ confirm: z.string() })
  .refine((form) => form.password === form.confirm, {
    path: ['confirm'],
    message: 'The two passwords differ',
  });
export const SETUP_DEFAULTS = { email: '', name: '', password: '', confirm: '' };
