// The two sources the lab reproduces: the BN paper and the blog post whose Keras recipe and figure are the defaults.
// Links open in a new tab without handing this page to the other site (rel="noopener noreferrer"); the page itself
// requests nothing off its origin (e2e/privacy.spec.ts).

export const PAPER = {
  authors: 'Sergey Ioffe and Christian Szegedy',
  year: 2015,
  title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
  id: 'arXiv:1502.03167',
  url: 'https://arxiv.org/abs/1502.03167',
} as const;

/**
 * The blog post the defaults reproduce. Its title and address are not recorded anywhere in this project, and a
 * search of public pages did not find them: it is described, not linked, until they are known.
 */
export const BLOG = {
  description:
    'a blog post’s Keras example of BatchNormalization on MNIST (Dense 128 and 64, Adam 0.001, batch 32, 10 epochs; its figure: “No Batch Norm” vs “With Batch Norm”)',
  url: null as string | null,
};

/** One short line for the header: the paper, linked; the blog is described in full in the about box and the footer. */
export function SourcesLine() {
  return (
    <p className="sources">
      Sources: the BN paper,{' '}
      <a href={PAPER.url} target="_blank" rel="noopener noreferrer" data-testid="source-paper">
        Ioffe &amp; Szegedy 2015
      </a>
      ;{' '}
      {BLOG.url === null ? (
        <span data-testid="source-blog">a Keras blog recipe</span>
      ) : (
        <a href={BLOG.url} target="_blank" rel="noopener noreferrer" data-testid="source-blog">
          a Keras blog recipe
        </a>
      )}
      .
    </p>
  );
}

/** The full reference, for the page's footer. */
export function SourcesFull() {
  return (
    <p className="sources-full">
      {PAPER.authors} ({PAPER.year}). “{PAPER.title}.”{' '}
      <a href={PAPER.url} target="_blank" rel="noopener noreferrer">
        {PAPER.id}
      </a>
      . The defaults and the figure follow {BLOG.description}.
    </p>
  );
}
