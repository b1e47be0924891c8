import type express from 'express';
import { Kind, type OperationDefinitionNode, OperationTypeNode, parse } from 'graphql';

// Two body limits on one endpoint (issue 19): every request is held to the common limit (100 KB)
// except an import preview, which carries a learner list of up to 700,000 bytes as base64. The
// body is read up to the larger limit; a body past the common one must then be an import preview
// alone, or it is refused with the common limit named.

/** The operations whose body may be large: they carry a file. */
const fileOperations = new Set(['previewLearnerImport']);

/** The raw size of the JSON body, kept by `express.json`'s verify hook. */
export function keepBodySize(req: express.Request, _res: unknown, body: Buffer): void {
  (req as express.Request & { bodyBytes?: number }).bodyBytes = body.length;
}

/** Whether a GraphQL document is one mutation that only carries files. */
function onlyCarriesFiles(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > 4_000) return false;
  try {
    const document = parse(query);
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    return (
      operations.length === 1 &&
      document.definitions.length === 1 &&
      operations[0]!.operation === OperationTypeNode.MUTATION &&
      operations[0]!.selectionSet.selections.every(
        (s) => s.kind === Kind.FIELD && fileOperations.has(s.name.value),
      )
    );
  } catch {
    return false;
  }
}

/** Refuses a body past `commonLimit` unless it is an import preview (BODY_TOO_LARGE, 413). */
export function bodyLimitByOperation(
  commonLimit: number,
  fileLimit: number,
): express.RequestHandler {
  return (req, res, next) => {
    const size = (req as express.Request & { bodyBytes?: number }).bodyBytes ?? 0;
    const body = req.body as { query?: unknown } | undefined;
    if (size <= commonLimit || onlyCarriesFiles(body?.query)) return next();
    res.status(413).json({
      errors: [
        {
          message: `Bad request: BODY_TOO_LARGE: a request body is at most ${commonLimit} bytes (an import preview's, ${fileLimit})`,
          extensions: { code: 'BAD_REQUEST', rule: 'BODY_TOO_LARGE', limit: commonLimit },
        },
      ],
    });
  };
}
