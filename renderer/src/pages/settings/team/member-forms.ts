import { authChannels } from '../../../../../shared/contract/auth';

/** Add member is the channel's own input: email, name, role and the initial password. */
export const newMemberSchema = authChannels['auth.users.create'].input;
export const NEW_MEMBER_DEFAULTS = {
  email: '',
  name: '',
  password: '',
  role: 'editor' as const,
};
