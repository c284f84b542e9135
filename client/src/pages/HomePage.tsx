import { useEffect } from 'react';
import { useT } from '../i18n/i18n';
import { ImportForm } from './home/ImportForm';
import { YourWorkshops } from './home/YourWorkshops';
import { JoinForm } from './JoinForm';
import { StartForm } from './StartForm';
import './home/home.css';

export default function HomePage() {
  const t = useT();
  useEffect(() => {
    document.title = t('home.documentTitle');
  }, [t]);
  return (
    <main className="page home">
      <header className="home__intro">
        <h1 className="brand">{t('home.brand')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </header>
      <div className="home__panels">
        <YourWorkshops />
        <section className="panel" aria-labelledby="join-title">
          <h2 id="join-title">{t('home.join.heading')}</h2>
          <p>{t('home.join.intro')}</p>
          <JoinForm />
        </section>
        <section className="panel" aria-labelledby="start-title">
          <h2 id="start-title">{t('home.start.heading')}</h2>
          <p>{t('home.start.intro')}</p>
          <StartForm />
        </section>
        <section className="panel" aria-labelledby="import-title">
          <h2 id="import-title">{t('home.import.heading')}</h2>
          <p>{t('home.import.intro')}</p>
          <ImportForm />
        </section>
      </div>
    </main>
  );
}
