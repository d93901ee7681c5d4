import { promptChannels } from '../../../../shared/contract';

/** The editor's save form: the commit message and "new major version", as `prompts.update` checks them. */
export const saveFormSchema = promptChannels['prompts.update'].input
  .pick({ message: true, major: true })
  .required();

export const SAVE_FORM_DEFAULTS = { message: '', major: false };
