/**
 * The slice of Storybook's Component Story Format (CSF3) these stories use,
 * declared here so the stories need no Storybook package at runtime or for
 * type checking. Storybook reads the same shapes from `*.stories.ts`.
 */
import type { TemplateResult } from 'lit';

export type Parameters = Record<string, unknown>;

export interface StoryContext<Args> {
  id: string;
  name: string;
  title: string;
  args: Args;
  parameters: Parameters;
}

export type StoryRender<Args> = (args: Args, context: StoryContext<Args>) => TemplateResult;

export interface ArgType {
  control?: false | string | { type: string };
  options?: readonly unknown[];
  description?: string;
  table?: { disable?: boolean };
}

export interface Meta<Args> {
  title: string;
  /** The custom element's tag; Storybook reads its docs from custom-elements.json. */
  component: string;
  render?: StoryRender<Args>;
  args?: Partial<Args>;
  argTypes?: Partial<Record<keyof Args, ArgType>>;
  parameters?: Parameters;
  tags?: string[];
}

/** What Storybook hands a `play` function; the canvas is the story's container. */
export interface PlayContext {
  canvasElement: HTMLElement;
}

export interface StoryObj<Args> {
  name?: string;
  args?: Partial<Args>;
  render?: StoryRender<Args>;
  parameters?: Parameters;
  /** Runs after the story rendered, to interact with it (here: to walk a flow to the scenario's state). */
  play?: (context: PlayContext) => Promise<void>;
}
