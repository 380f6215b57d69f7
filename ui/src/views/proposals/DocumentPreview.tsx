import type { Block, Document } from "../../bindings";
import { PrivateLabel } from "../../components/PrivateMark";

/** The document as it will read, on a page-like sheet; every text is rendered as text. */
export function DocumentPreview({ document }: { document: Document }) {
  return (
    <article className="proposal-page" data-testid="proposal-preview" lang={document.language}>
      <h1>{document.title}</h1>
      {document.subtitle && <p className="proposal-subtitle">{document.subtitle}</p>}
      {document.sections.map((s, i) => (
        <section key={i}>
          <h2>{s.private ? <PrivateLabel>{s.heading}</PrivateLabel> : s.heading}</h2>
          {s.blocks.map((b, j) => (
            <PreviewBlock key={j} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}

function PreviewBlock({ block }: { block: Block }) {
  switch (block.type) {
    case "paragraph":
      return <p className="proposal-paragraph">{block.text}</p>;
    case "bullets":
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case "table":
      return (
        <table className="proposal-table">
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((r, i) => (
              <tr key={i}>
                {block.columns.map((_, j) => (
                  <td key={j}>{r[j] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "data":
      return <p className="proposal-data">[{block.source}]</p>;
  }
}
