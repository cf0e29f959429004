// Holds a form's problems and, each time a new set arrives, moves focus to the first field with one
// (or to the form message when the refusal has no field), so the person hears what to fix.
import { useEffect, useRef, useState } from 'react';
import { firstProblemField, formProblems, NO_PROBLEMS, type ApiErrorLike, type FormProblems } from './graphql-errors';

export function useFormProblems(fieldOrder: readonly string[]) {
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const formMessage = useRef<HTMLDivElement>(null);
  const order = useRef(fieldOrder);

  useEffect(() => {
    const field = firstProblemField(problems, order.current);
    if (field) document.getElementById(field)?.focus();
    else if (problems.form) formMessage.current?.focus();
  }, [problems]);

  return {
    problems,
    formMessage,
    clear: () => setProblems(NO_PROBLEMS),
    /** `place` moves problems the form shows elsewhere (see formMessageAt, fieldAsFormMessage). */
    show: (error: ApiErrorLike | undefined, place: (problems: FormProblems) => FormProblems = (p) => p) =>
      setProblems(place(formProblems(error))),
    /** Problems found in the browser before sending (a pure rule), shown the same way. */
    showLocal: (fields: Record<string, string>) => setProblems({ fields, form: null }),
  };
}
