/**
 * API Gateway proxy requests as Lambda receives them: REST API payload v1.0
 * (`apigateway aws-proxy`) and HTTP API payload v2.0 (`apigateway http-api-proxy`), for an
 * unauthenticated route.
 */
import { clfTime, dnsSuffixOf } from './ids';
import { COMMON_PARAMS, readParams } from './params';
import type { SampleEventDef, SampleParam } from './types';

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A query string's pairs, decoded, in order (`a=1&a=2&b` → [a,1],[a,2],[b,'']). */
export function parseQuery(query: string): Array<[string, string]> {
  return query
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [decode(p), ''] : [decode(p.slice(0, eq)), decode(p.slice(eq + 1))];
    });
}

/**
 * Path parameters of a resource template matched against a path: `{name}` takes one segment,
 * `{name+}` the rest. Undefined when the template has none or does not match.
 */
export function matchPathParameters(template: string, path: string): Record<string, string> | undefined {
  const t = template.split('/').filter((s) => s !== '');
  const p = path.split('/').filter((s) => s !== '');
  const out: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const greedy = /^\{(.+)\+\}$/.exec(t[i]);
    if (greedy) {
      if (i >= p.length) return undefined;
      out[greedy[1]] = p.slice(i).join('/');
      return out;
    }
    if (i >= p.length) return undefined;
    const single = /^\{(.+)\}$/.exec(t[i]);
    if (single) out[single[1]] = decode(p[i]);
    else if (t[i] !== p[i]) return undefined;
  }
  if (t.length !== p.length) return undefined;
  return Object.keys(out).length > 0 ? out : undefined;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const REQUEST_PARAMS: readonly SampleParam[] = [
  { name: 'method', label: 'Method', default: 'POST', description: 'httpMethod / requestContext.http.method.', type: 'enum', options: METHODS },
  { name: 'path', label: 'Path', default: '/orders/o-1001', description: 'path / rawPath (starts with /).' },
  { name: 'query', label: 'Query string', default: 'verbose=true', description: 'Query string without "?" (a=1&a=2).' },
  { name: 'body', label: 'Body', default: '{"quantity":2}', description: 'body (text; empty: none).' },
];

const REST_PARAMS: readonly SampleParam[] = [
  ...REQUEST_PARAMS,
  { name: 'resource', label: 'Resource', default: '/orders/{orderId}', description: 'resource template; {name} and {name+} fill pathParameters.' },
  { name: 'stage', label: 'Stage', default: 'prod', description: 'requestContext.stage.' },
  ...COMMON_PARAMS,
];

const HTTP_PARAMS: readonly SampleParam[] = [
  ...REQUEST_PARAMS,
  { name: 'route', label: 'Route path', default: '/orders/{orderId}', description: 'Route path; routeKey is "METHOD path" ("$default" for the default route).' },
  { name: 'stage', label: 'Stage', default: '$default', description: 'requestContext.stage.' },
  ...COMMON_PARAMS,
];

const USER_AGENT = 'Custom User Agent String';
const SOURCE_IP = '198.51.100.10';

/** The API Gateway catalogue entries. */
export const APIGATEWAY_SAMPLES: readonly SampleEventDef[] = [
  {
    id: 'apigateway.aws-proxy',
    service: 'apigateway',
    title: 'API Gateway REST API request (proxy, v1.0)',
    description: 'A REST API Lambda proxy integration request (payload format 1.0).',
    shape: 'apiGateway',
    params: REST_PARAMS,
    build(params) {
      const r = readParams('apigateway.aws-proxy', REST_PARAMS, params);
      const region = r.text('region');
      const t = r.time('time');
      const method = r.text('method');
      const path = r.text('path');
      const stage = r.text('stage');
      const resource = r.text('resource');
      const apiId = r.ids.hex('apiId', 10);
      const host = `${apiId}.execute-api.${region}.${dnsSuffixOf(region)}`;
      const pairs = parseQuery(r.text('query'));
      const multi: Record<string, string[]> = {};
      for (const [k, v] of pairs) (multi[k] ??= []).push(v);
      const single = Object.fromEntries(Object.entries(multi).map(([k, vs]) => [k, vs[vs.length - 1]]));
      const headers: Record<string, string> = {
        Accept: '*/*',
        'Content-Type': 'application/json',
        Host: host,
        'User-Agent': USER_AGENT,
        'X-Amzn-Trace-Id': `Root=1-${Math.floor(t / 1000).toString(16)}-${r.ids.hex('trace', 24)}`,
        'X-Forwarded-For': SOURCE_IP,
        'X-Forwarded-Port': '443',
        'X-Forwarded-Proto': 'https',
      };
      const body = r.text('body');
      return {
        body: body === '' ? null : body,
        resource,
        path,
        httpMethod: method,
        isBase64Encoded: false,
        queryStringParameters: pairs.length > 0 ? single : null,
        multiValueQueryStringParameters: pairs.length > 0 ? multi : null,
        pathParameters: matchPathParameters(resource, path) ?? null,
        stageVariables: null,
        headers,
        multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
        requestContext: {
          accountId: r.text('account'),
          resourceId: r.ids.hex('resourceId', 6),
          stage,
          requestId: r.ids.uuid('requestId'),
          requestTime: clfTime(t),
          requestTimeEpoch: t,
          identity: {
            cognitoIdentityPoolId: null,
            accountId: null,
            cognitoIdentityId: null,
            caller: null,
            accessKey: null,
            sourceIp: SOURCE_IP,
            cognitoAuthenticationType: null,
            cognitoAuthenticationProvider: null,
            userArn: null,
            userAgent: USER_AGENT,
            user: null,
          },
          path: `/${stage}${path}`,
          resourcePath: resource,
          httpMethod: method,
          apiId,
          protocol: 'HTTP/1.1',
          domainName: host,
        },
      };
    },
  },
  {
    id: 'apigateway.http-api-proxy',
    service: 'apigateway',
    title: 'API Gateway HTTP API request (v2.0)',
    description: 'An HTTP API Lambda integration request (payload format 2.0), no authorizer.',
    shape: 'apiGateway',
    params: HTTP_PARAMS,
    build(params) {
      const r = readParams('apigateway.http-api-proxy', HTTP_PARAMS, params);
      const region = r.text('region');
      const t = r.time('time');
      const method = r.text('method');
      const path = r.text('path');
      const route = r.text('route');
      const query = r.text('query').replace(/^\?/, '');
      const routeKey = route === '$default' ? '$default' : `${method} ${route}`;
      const apiId = r.ids.hex('apiId', 10);
      const domainName = `${apiId}.execute-api.${region}.${dnsSuffixOf(region)}`;
      const pairs = parseQuery(query);
      const joined: Record<string, string> = {};
      for (const [k, v] of pairs) joined[k] = joined[k] === undefined ? v : `${joined[k]},${v}`;
      const body = r.text('body');
      const event: Record<string, unknown> = {
        version: '2.0',
        routeKey,
        rawPath: path,
        rawQueryString: query,
        headers: {
          accept: '*/*',
          'content-type': 'application/json',
          host: domainName,
          'user-agent': USER_AGENT,
          'x-amzn-trace-id': `Root=1-${Math.floor(t / 1000).toString(16)}-${r.ids.hex('trace', 24)}`,
          'x-forwarded-for': SOURCE_IP,
          'x-forwarded-port': '443',
          'x-forwarded-proto': 'https',
        },
      };
      if (pairs.length > 0) event.queryStringParameters = joined;
      event.requestContext = {
        accountId: r.text('account'),
        apiId,
        domainName,
        domainPrefix: apiId,
        http: { method, path, protocol: 'HTTP/1.1', sourceIp: SOURCE_IP, userAgent: USER_AGENT },
        requestId: r.ids.base64('requestId', 11),
        routeKey,
        stage: r.text('stage'),
        time: clfTime(t),
        timeEpoch: t,
      };
      const pathParameters = route === '$default' ? undefined : matchPathParameters(route, path);
      if (pathParameters) event.pathParameters = pathParameters;
      if (body !== '') event.body = body;
      event.isBase64Encoded = false;
      return event;
    },
  },
];
