import type { TextKey } from '../i18n/pl';

/** The server's fixed password-rule phrases (auth/PasswordRules), worded in the UI language. */
const RULES: Record<string, TextKey> = {
  'must have 12 to 200 characters': 'passwordTooShort',
  'is too common': 'passwordTooCommon',
  'is too predictable: repeated or sequential characters': 'passwordTooPredictable',
  'must not contain your e-mail or name': 'passwordPersonal',
};

export function passwordRuleKey(message: string | undefined): TextKey | null {
  return message ? (RULES[message] ?? null) : null;
}
