import { useEffect } from 'react';
import { useT } from '../i18n/i18n';

export function NotFoundPage() {
  const t = useT();
  useEffect(() => {
    document.title = t('notFound.documentTitle');
  }, [t]);
  return (
    <main className="page page--narrow">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.explain')}</p>
      <p>
        <a href="/">{t('notFound.homeLink')}</a>
      </p>
    </main>
  );
}
