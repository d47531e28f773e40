import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type PageChange, type PageWatch } from '@/entrypoints/aruba-guide/page-watch';
import { DATA_LIST_SIZE } from '@/utils/page/walk';

const rows = (count: number) =>
  Array.from({ length: count }, (_, index) => `<div class="msg"><a href="#m${index}">Messaggio ${index}</a></div>`).join('');
/** MutationObserver callbacks run as microtasks. */
const settle = () => new Promise((done) => setTimeout(done, 0));

let stop = new AbortController();
afterEach(() => {
  vi.useRealTimers();
  stop.abort();
  document.body.replaceChildren();
});

function watch(): PageChange[] {
  return watchWith().changes;
}

function watchWith(): { changes: PageChange[]; watch: PageWatch } {
  stop = new AbortController();
  const changes: PageChange[] = [];
  const watch = watchPage((change) => changes.push(change), stop.signal);
  return { changes, watch };
}

function addHeading(text: string): void {
  const heading = document.createElement('h2');
  heading.textContent = text;
  document.getElementById('panel')!.append(heading);
}

describe('the page watch', () => {
  it('does not even observe what happens inside a data list', async () => {
    document.body.innerHTML = `<nav id="nav"></nav><main><div id="rows">${rows(DATA_LIST_SIZE + 1)}</div></main>`;
    const changes = watch();
    const list = document.getElementById('rows')!;
    // A row that mentions a watched word, restyles, text edits: all inside the list.
    list.insertAdjacentHTML('afterbegin', '<div class="msg"><a href="#x">Promemoria: password in scadenza</a></div>');
    list.children[3]!.className = 'msg unread';
    list.children[4]!.querySelector('a')!.textContent = 'Impostazioni';
    await settle();
    expect(changes).toEqual([]);

    const link = document.createElement('a');
    link.href = '/settings';
    link.textContent = 'Impostazioni';
    document.getElementById('nav')!.append(link);
    await settle();
    expect(changes).toEqual([{ everywhere: false, places: [link], removed: false }]);
  });

  it('leaves a list once its rows arrive, all at once or a few at a time', async () => {
    document.body.innerHTML = '<main><div id="rows"></div></main><div id="late"></div>';
    const changes = watch();
    document.getElementById('rows')!.innerHTML = rows(DATA_LIST_SIZE + 1);
    const late = document.getElementById('late')!;
    for (let index = 0; index <= DATA_LIST_SIZE; index++) late.insertAdjacentHTML('beforeend', rows(1));
    await settle();
    expect(changes).toEqual([]);
    document.getElementById('rows')!.firstElementChild!.insertAdjacentHTML('beforeend', '<a href="#">Impostazioni</a>');
    late.lastElementChild!.insertAdjacentHTML('beforeend', '<a href="#">Impostazioni</a>');
    await settle();
    expect(changes).toEqual([]);
  });

  it('sees a watched word beside the lists, and ignores the rest', async () => {
    document.body.innerHTML = '<header><span id="user">mario.rossi@pec.it</span></header><section id="panel"></section>';
    const changes = watch();
    document.getElementById('user')!.textContent = 'Benvenuto';
    await settle();
    expect(changes).toEqual([]);
    document.getElementById('panel')!.innerHTML = '<h2>Sicurezza e password</h2>';
    await settle();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.places[0]!.textContent).toBe('Sicurezza e password');
  });

  it('with the guide off, watches only for a while after the load and after a click', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    document.body.innerHTML = '<section id="panel"></section>';
    const { changes, watch } = watchWith();
    watch.guiding(false);
    const seen = () => changes.flatMap((change) => change.places.map((place) => place.textContent));
    addHeading('Sicurezza e password');
    await vi.advanceTimersByTimeAsync(1);
    expect(seen()).toEqual(['Sicurezza e password']);

    vi.advanceTimersByTime(10_000);
    addHeading('Scadenza');
    await vi.advanceTimersByTimeAsync(1);
    expect(seen()).toEqual(['Sicurezza e password']);

    document.body.click();
    addHeading('Genera password per programmi di posta');
    await vi.advanceTimersByTimeAsync(1);
    expect(seen()).toEqual(['Sicurezza e password', 'Genera password per programmi di posta']);

    // The guide on: watched all the time.
    vi.advanceTimersByTime(10_000);
    watch.guiding(true);
    addHeading('Password per programmi di posta');
    await vi.advanceTimersByTimeAsync(1);
    expect(seen()).toContain('Password per programmi di posta');
  });

  it('sees what a custom element draws late inside its shadow root', async () => {
    document.body.innerHTML = '<aru-navbar></aru-navbar>';
    const root = document.querySelector('aru-navbar')!.attachShadow({ mode: 'open' });
    const changes = watch();
    await settle();
    changes.length = 0;
    root.innerHTML = '<nav><aru-button></aru-button></nav>';
    const inner = document.createElement('span');
    inner.textContent = 'Impostazioni';
    root.querySelector('nav')!.append(inner);
    // A new custom element asks for a look at the whole page, at most every 150 ms.
    await new Promise((done) => setTimeout(done, 200));
    expect(changes.some((change) => change.everywhere || change.places.includes(inner))).toBe(true);
  });

  it('looks again when a notice opens over the page or closes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    document.body.innerHTML = '<main id="panel"></main>';
    const changes = watch();
    await vi.advanceTimersByTimeAsync(200);
    changes.length = 0;
    const overlay = document.createElement('div');
    overlay.innerHTML = '<div role="dialog" aria-modal="true"><h2>Adegua la tua PEC</h2><button>Chiudi</button></div>';
    document.body.append(overlay);
    await vi.advanceTimersByTimeAsync(200);
    expect(changes.filter((change) => change.everywhere)).toHaveLength(1);
    overlay.remove();
    await vi.advanceTimersByTimeAsync(200);
    expect(changes.filter((change) => change.everywhere)).toHaveLength(2);
  });
});
