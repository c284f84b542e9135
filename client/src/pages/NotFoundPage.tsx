import { useEffect } from 'react';

export function NotFoundPage() {
  useEffect(() => {
    document.title = 'Page not found · Accord';
  }, []);
  return (
    <main className="page page--narrow">
      <h1>This page does not exist</h1>
      <p>Check the link you were given, or start again from the home page.</p>
      <p>
        <a href="/">Go to the Accord home page</a>
      </p>
    </main>
  );
}
