import { useEffect } from 'react';
import { ImportForm } from './home/ImportForm';
import { YourWorkshops } from './home/YourWorkshops';
import { JoinForm } from './JoinForm';
import { StartForm } from './StartForm';
import './home/home.css';

export default function HomePage() {
  useEffect(() => {
    document.title = 'Accord · write your working agreement together';
  }, []);
  return (
    <main className="page home">
      <header className="home__intro">
        <h1 className="brand">Accord</h1>
        <p className="lead">
          A shared board on which a group writes its working agreement together: everyone answers in private, the answers are
          shown without names, and the group decides what to keep.
        </p>
      </header>
      <div className="home__panels">
        <YourWorkshops />
        <section className="panel" aria-labelledby="join-title">
          <h2 id="join-title">Join a workshop</h2>
          <p>Type the code the facilitator shows you. You do not need an account.</p>
          <JoinForm />
        </section>
        <section className="panel" aria-labelledby="start-title">
          <h2 id="start-title">Start a workshop</h2>
          <p>You will get a code, a link and a QR code to invite people.</p>
          <StartForm />
        </section>
        <section className="panel" aria-labelledby="import-title">
          <h2 id="import-title">Import a board</h2>
          <p>Open an earlier workshop again from its JSON export, for example to revisit an agreement on another server.</p>
          <ImportForm />
        </section>
      </div>
    </main>
  );
}
