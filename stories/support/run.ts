/**
 * Turns a CSF3 module into renderable stories, the way Storybook composes
 * them: the story's args over the meta's, the story's render over the meta's.
 * Used by the demo gallery and by the test that renders every story.
 */
import type { TemplateResult } from 'lit';
import type { Meta, Parameters, PlayContext, StoryContext, StoryObj } from './csf.js';

export interface StoriesModule {
  default: Meta<any>;
  [exportName: string]: unknown;
}

export interface ComposedStory {
  /** Storybook's id, e.g. `elements-network-check--blocked-redirect`. */
  id: string;
  exportName: string;
  name: string;
  title: string;
  component: string;
  parameters: Parameters;
  render(): TemplateResult;
  /** The story's play function, if any: call it with the container the story was rendered into. */
  play: ((context: PlayContext) => Promise<void>) | undefined;
}

/** Storybook's id slug: lower case, runs of anything else become one dash. */
export function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "BlockedRedirect" → "Blocked Redirect", Storybook's default story name. */
function startCase(exportName: string): string {
  return exportName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}

/**
 * The module's stories, in `order` when given (export names as written in the
 * file; module namespaces list exports alphabetically), else alphabetically.
 */
export function composeStories(module: StoriesModule, order?: readonly string[]): ComposedStory[] {
  const meta = module.default;
  const names = Object.keys(module).filter((key) => key !== 'default' && !key.startsWith('__'));
  const ordered = order ? [...order.filter((n) => names.includes(n)), ...names.filter((n) => !order.includes(n))] : names;
  return ordered.map((exportName) => {
    const story = (module[exportName] ?? {}) as StoryObj<any>;
    const name = story.name ?? startCase(exportName);
    const id = `${slug(meta.title)}--${slug(exportName)}`;
    const parameters = { ...meta.parameters, ...story.parameters };
    const renderFn = story.render ?? meta.render;
    return {
      id,
      exportName,
      name,
      title: meta.title,
      component: meta.component,
      parameters,
      render() {
        if (!renderFn) throw new Error(`${id}: neither the story nor its meta has a render function`);
        const args = { ...meta.args, ...story.args };
        const context: StoryContext<any> = { id, name, title: meta.title, args, parameters };
        return renderFn(args, context);
      },
      play: story.play,
    };
  });
}

/** Export names of story objects in the order a stories file declares them. */
export function exportOrder(source: string): string[] {
  return [...source.matchAll(/^export const (\w+)\b/gm)].map((m) => m[1]!);
}
