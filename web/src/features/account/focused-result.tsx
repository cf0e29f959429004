// The outcome of an action that replaces its form (link checked, e-mail sent, password saved): focused when it
// appears, so keyboard and screen-reader users land on it; the page also announces it in the live region.
import { useEffect, useRef, type ReactNode } from 'react';
import './account.css';

export function FocusedResult({
  message,
  error,
  children,
}: {
  message: string;
  error?: boolean;
  children?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="account-result">
      <p className={error ? 'form-error' : 'account-done'}>{message}</p>
      {children}
    </div>
  );
}
