/** `_field_caps`: which of the given fields exist and can be aggregated (keyword vs text + .keyword). */
import type { estypes } from '@elastic/elasticsearch';
import { createElasticClient } from './es-client.js';
import { elasticError, type ElasticEndpoint, type EsCallOptions } from './elasticsearch.js';

export async function esFieldCaps(
  endpoint: ElasticEndpoint,
  index: string | string[],
  fields: string[],
  options: EsCallOptions = {},
): Promise<estypes.FieldCapsResponse> {
  const client = createElasticClient(endpoint, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  try {
    return await client.fieldCaps(
      // include_unmapped: an index without `message.keyword` must say so, or it is taken to have it.
      { index, fields, ignore_unavailable: true, allow_no_indices: true, include_unmapped: true },
      {
        requestTimeout: options.timeoutMs ?? 5_000,
        maxRetries: 0,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  } catch (error) {
    throw elasticError(error, endpoint, 'a field capabilities look-up');
  } finally {
    void client.close();
  }
}
