/** How a response body is shaped, chosen from the client's Accept header. */
export type ResponseFormat =
  | { as: 'object' }
  | { as: 'table'; apiVersion: string }
  | { as: 'partial'; apiVersion: string };

/**
 * Negotiates the response format the way the API server does: the first acceptable entry of
 * the Accept header wins; `as=Table;g=meta.k8s.io` gives a Table, `as=PartialObjectMetadata(List)`
 * metadata only, plain JSON (or a wildcard) the object itself. Protobuf is not served, so a
 * client that asks only for it gets undefined (406).
 */
export function negotiateFormat(accept: string | undefined): ResponseFormat | undefined {
  if (!accept || accept.trim() === '') return { as: 'object' };
  for (const entry of accept.split(',')) {
    const [mediaType = '', ...rawParams] = entry.split(';').map((p) => p.trim());
    if (!['application/json', '*/*', 'application/*'].includes(mediaType.toLowerCase())) continue;
    const params = Object.fromEntries(
      rawParams.map((p) => {
        const [key = '', value = ''] = p.split('=');
        return [key.trim(), value.trim()];
      }),
    );
    if (params.as === undefined) return { as: 'object' };
    if (params.g !== 'meta.k8s.io') continue;
    const apiVersion = `meta.k8s.io/${params.v ?? 'v1'}`;
    if (params.as === 'Table') return { as: 'table', apiVersion };
    if (params.as === 'PartialObjectMetadata' || params.as === 'PartialObjectMetadataList') {
      return { as: 'partial', apiVersion };
    }
  }
  return undefined;
}
