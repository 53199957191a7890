import type { ComponentChildren, JSX } from 'preact';
import { ApiProblem } from '../api/problem';
import { fieldText, problemText } from '../api/problemText';
import { LANGS, useI18n } from '../i18n';
import { Link } from './router';

export function LangToggle() {
  const { lang, setLang, t } = useI18n();
  const other = LANGS.find((l) => l !== lang) ?? 'pl';
  return (
    <button
      type="button"
      class="lang-toggle"
      aria-label={t('langToggleLabel')}
      data-testid="lang-toggle"
      onClick={() => setLang(other)}
    >
      {t('langToggle')}
    </button>
  );
}

/** The first Tab stop on every page: jumps over the top bar to the page's content (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      class="skip-link"
      href="#main"
      onClick={(e) => {
        const main = document.getElementById('main');
        if (!main) return;
        e.preventDefault();
        main.focus();
      }}
    >
      {t('skipToContent')}
    </a>
  );
}

export function TopBar({ title, children }: { title?: string; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <header class="topbar">
      <SkipLink />
      <Link href="/" class="brand">
        {title ?? t('appName')}
      </Link>
      <div class="topbar-actions">
        {children}
        <LangToggle />
      </div>
    </header>
  );
}

export function Page({ children, wide }: { children: ComponentChildren; wide?: boolean }) {
  return (
    <main id="main" tabIndex={-1} class={wide ? 'page page-wide' : 'page'}>
      {children}
    </main>
  );
}

/** Shows an error: problem title/detail, or a network message. Field errors are shown by <Field>. */
export function ErrorBox({ error }: { error: unknown }) {
  const i18n = useI18n();
  if (!error) return null;
  // In the UI language by the problem's code (api/problemText.ts); the server's English otherwise.
  const text = problemText(error, i18n);
  return (
    <p class="error-box" role="alert" data-testid="error">
      {text}
    </p>
  );
}

export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiProblem ? error.fieldErrors[name] : undefined;
}

type FieldProps = {
  label: string;
  name: string;
  error?: unknown;
  hint?: string;
  children?: ComponentChildren;
} & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'name' | 'label'>;

/** A labelled input with the server's field error (problem+json errors[].field) shown beneath it. */
export function Field({ label, name, error, hint, children, ...input }: FieldProps) {
  const i18n = useI18n();
  const problems = error instanceof ApiProblem ? error.fieldProblems[name] : undefined;
  const msg = problems ? fieldText(problems, i18n) : fieldError(error, name);
  const id = `f-${name}`;
  return (
    <div class={msg ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children ?? (
        <input
          id={id}
          name={name}
          aria-invalid={msg ? 'true' : undefined}
          aria-describedby={msg ? `${id}-err` : undefined}
          {...input}
        />
      )}
      {hint && <small class="hint">{hint}</small>}
      {msg && (
        <small class="field-error" id={`${id}-err`} data-testid={`field-error-${name}`}>
          {msg}
        </small>
      )}
    </div>
  );
}

export function Spinner() {
  const { t } = useI18n();
  return (
    <p class="loading" aria-live="polite">
      {t('loading')}
    </p>
  );
}
