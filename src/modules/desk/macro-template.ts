/**
 * The reply templates of macros: `{{customer.name}}`-style variables, nothing else. A library
 * (Mustache, Handlebars) was weighed and left out on purpose: their sections, partials and helpers
 * are logic an agent's canned reply does not need, their HTML escaping is wrong for plain-text
 * mail, and both render an unknown or misspelt variable as an empty string — the customer would
 * read "Hello ," — where this one refuses it when the macro is saved, naming the field.
 */
export const MACRO_VARIABLES = ['customer.name', 'ticket.number', 'ticket.subject', 'ticket.due', 'agent.name'] as const;
export type MacroVariable = (typeof MACRO_VARIABLES)[number];

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** What is wrong with a template: variables that do not exist, or braces that open or close nothing. */
export function templateProblems(template: string): { code: 'unknown_variable' | 'malformed_variable'; message: string }[] {
  const out: { code: 'unknown_variable' | 'malformed_variable'; message: string }[] = [];
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1] ?? '';
    if (!(MACRO_VARIABLES as readonly string[]).includes(name)) out.push({ code: 'unknown_variable', message: `unknown variable {{${name}}}; known: ${MACRO_VARIABLES.join(', ')}` });
  }
  const rest = template.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) out.push({ code: 'malformed_variable', message: 'a {{ or }} without its pair' });
  return out;
}

/** Fills the variables in; a template is checked when saved, so every variable here is known. */
export function renderTemplate(template: string, values: Readonly<Record<MacroVariable, string>>): string {
  return template.replace(TOKEN, (whole, name: string) => ((MACRO_VARIABLES as readonly string[]).includes(name) ? values[name as MacroVariable] : whole));
}
