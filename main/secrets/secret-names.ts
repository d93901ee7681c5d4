/** Every secret Assay keeps, and the environment variable that can supply it instead. */
export const SECRET_ENV = {
  'openai.apiKey': 'OPENAI_API_KEY',
  'anthropic.apiKey': 'ANTHROPIC_API_KEY',
  'bedrock.accessKeyId': 'AWS_ACCESS_KEY_ID',
  'bedrock.secretAccessKey': 'AWS_SECRET_ACCESS_KEY',
  'bedrock.sessionToken': 'AWS_SESSION_TOKEN',
  'local.apiKey': 'ASSAY_LOCAL_API_KEY',
} as const;

export type SecretName = keyof typeof SECRET_ENV;

export function isSecretName(name: string): name is SecretName {
  return Object.hasOwn(SECRET_ENV, name);
}
