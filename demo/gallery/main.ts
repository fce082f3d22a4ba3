/// <reference types="vite/client" />
/**
 * Every story of every stories file on one page. Root element stories get
 * their own in-memory mock backend each (see stories/support/mock-backend.ts),
 * so all scenarios run side by side without the service worker.
 */
import { render } from 'lit';
import { composeStories, exportOrder, type StoriesModule } from '../../stories/support/run.js';
import { applyPageOptions } from '../shared/page-options.js';
import { setUpThemeToggle } from '../shared/theme.js';

const modules = import.meta.glob<StoriesModule>('../../stories/*.stories.ts', { eager: true });
const sources = import.meta.glob<string>('../../stories/*.stories.ts', { eager: true, query: '?raw', import: 'default' });

/** Files in the order of the guided path; anything new goes after them. */
const ORDER = [
  'provider-target-setup',
  'step-path',
  'integration-status',
  'deployment-mode',
  'tenant',
  'network-check',
  'allowlist-status',
  'auth',
  'readiness',
  'export-setup',
  'destination-picker',
  'revoke',
  'fallback',
  'hint',
];

const baseName = (path: string) => path.replace(/^.*\//, '').replace(/\.stories\.ts$/, '');
const rank = (path: string) => {
  const i = ORDER.indexOf(baseName(path));
  return i === -1 ? ORDER.length : i;
};

applyPageOptions();
setUpThemeToggle(document.getElementById('theme') as HTMLButtonElement);

const toc = document.getElementById('toc') as HTMLOListElement;
const main = document.getElementById('stories') as HTMLElement;
const paths = Object.keys(modules).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
let total = 0;
let failed = 0;
/** Play functions walk root stories to their scenario's state; they run side by side. */
const plays: Promise<unknown>[] = [];

for (const path of paths) {
  const module = modules[path]!;
  const stories = composeStories(module, exportOrder(sources[path] ?? ''));
  const fileId = baseName(path);
  const section = document.createElement('section');
  section.className = 'file';
  section.id = fileId;
  const header = document.createElement('header');
  const title = document.createElement('h2');
  title.textContent = module.default.title.replace(/^Elements\//, '');
  const tag = document.createElement('code');
  tag.textContent = `<${module.default.component}>`;
  header.append(title, tag);
  const grid = document.createElement('div');
  grid.className = module.default.component === 'provider-target-setup' ? 'stories wide' : 'stories';
  section.append(header, grid);
  main.append(section);

  const link = document.createElement('a');
  link.href = `#${fileId}`;
  link.innerHTML = '<span></span><span class="n"></span>';
  link.firstElementChild!.textContent = title.textContent;
  link.lastElementChild!.textContent = String(stories.length);
  const item = document.createElement('li');
  item.append(link);
  toc.append(item);

  for (const story of stories) {
    total += 1;
    const card = document.createElement('article');
    card.className = 'story';
    card.id = story.id;
    card.dataset.component = story.component;
    const head = document.createElement('header');
    const h3 = document.createElement('h3');
    h3.textContent = story.name;
    const id = document.createElement('span');
    id.className = 'id';
    id.textContent = story.exportName;
    head.append(h3, id);
    card.append(head);
    const description = story.parameters.description;
    if (typeof description === 'string') {
      const p = document.createElement('p');
      p.className = 'description';
      p.textContent = description;
      card.append(p);
    }
    const canvas = document.createElement('div');
    canvas.className = 'canvas';
    card.append(canvas);
    grid.append(card);
    try {
      render(story.render(), canvas);
    } catch (error) {
      failed += 1;
      card.classList.add('failed');
      canvas.textContent = `This story failed to render: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    }
    if (story.play) {
      card.dataset.play = 'running';
      plays.push(
        story.play({ canvasElement: canvas }).then(
          () => (card.dataset.play = 'done'),
          (error: unknown) => {
            card.dataset.play = 'failed';
            const p = document.createElement('p');
            p.className = 'play-error';
            p.textContent = `Could not reach this state: ${error instanceof Error ? error.message : String(error)}`;
            head.after(p);
          },
        ),
      );
    }
  }
}

(document.getElementById('summary') as HTMLElement).textContent =
  `${total} stories from ${paths.length} files${failed ? `, ${failed} failed to render` : ''}`;

function scrollToAnchor(): void {
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  else window.scrollTo(0, 0);
}
scrollToAnchor();

// Play functions move focus (and so the scroll position) as they walk their flows: go back
// where the visitor asked to be, and let screenshot tooling know every story reached its state.
void Promise.allSettled(plays).then(() => {
  scrollToAnchor();
  document.body.dataset.ready = 'true';
});
