/** The shape of `public/examples/index.json`, which lists the built-in example scenarios. */

/** One built-in example. */
export interface ExampleEntry {
  /** File name under `public/examples/`, e.g. `order-flow.json`. */
  file: string;
  title: string;
  /** One or two sentences: what the example shows. */
  description: string;
}

/** `public/examples/index.json`. */
export interface ExampleIndex {
  /** File name of the example opened by default. */
  default: string;
  examples: ExampleEntry[];
}
