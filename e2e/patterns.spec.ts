import { expect, test } from './fixtures/test';
import { PatternPage } from './fixtures/patternPage';

const BAD = '{\n  "source": ["com.example.shop"],\n  "detail": {\n    "amount": [{"numerik": [">", 100]}]\n  }\n}';
const GOOD = '{\n  "source": ["com.example.shop"],\n  "detail-type": ["OrderPlaced"],\n  "detail": {\n    "amount": [{"numeric": [">", 1]}],\n    "customer": [{"prefix": "customer-"}]\n  }\n}';
const OR_SECOND = '{\n  "detail": {\n    "$or": [\n      {"amount": [{"numeric": [">=", 1000]}]},\n      {"customer": [{"prefix": "customer-"}]}\n    ]\n  }\n}';
const MISS = '{\n  "source": ["com.example.shop"],\n  "detail": {\n    "$or": [\n      {"amount": [{"numeric": [">=", 1000]}]},\n      {"coupon": [{"exists": true}]}\n    ]\n  }\n}';

test.describe('pattern editor', () => {
  test('marks a mistake with AWS words, tests the fixed pattern and explains it line by line', async ({ app, page, consoleErrors }) => {
    const p = new PatternPage(page);
    await app.open();
    await app.canvas.node('all-orders').click();
    await expect(page.getByTestId('edit-pattern-EventPattern')).toBeVisible();
    await app.screenshot('patterns-00-inspector');
    await p.open('EventPattern');
    await p.type('pattern-editor', BAD);
    await expect(p.status).toContainText('Event pattern is not valid. Reason: Unrecognized match type numerik');
    await expect(p.status).toContainText('line 4, column 17');
    await expect(p.squiggles('pattern-editor')).toHaveCount(1);
    const hover = await p.hoverFirstSquiggle('pattern-editor');
    await expect(hover).toContainText('Unrecognized match type numerik');
    await page.waitForTimeout(400); // let the hover finish fading in before the screenshot
    await app.screenshot('patterns-01-marker');

    await p.type('pattern-editor', GOOD);
    await expect(p.squiggles('pattern-editor')).toHaveCount(0);
    await expect(p.status).toContainText('Valid event pattern');
    // The first event offered is the one web-shop sends along the flow to this rule.
    await expect(page.getByTestId('event-choice')).toHaveValue('flow:0');
    await expect(p.verdict).toHaveText('✓ Match');
    await expect(p.explanation.locator('[data-field="detail.amount"]')).toContainText('is a number > 1');
    await expect(p.glyphs('pass')).toHaveCount(4);
    await app.screenshot('patterns-02-match');

    await p.type('pattern-editor', MISS);
    await expect(p.verdict).toHaveText('✗ No match');
    await expect(p.explanation).toContainText('$or at detail.$or: no branch matched');
    await expect(p.explanation.locator('[data-field="detail.coupon"]')).toContainText('missing from the event');
    await expect(p.glyphs('fail').first()).toBeVisible();
    await page.getByTestId('test-bus').click();
    const bus = page.getByTestId('bus-test');
    await expect(bus.locator('[data-rule="high-value-orders"]')).toContainText('✗ no match');
    await expect(bus.locator('[data-rule="all-orders"]')).toContainText('✗ no match');
    await app.screenshot('patterns-03-no-match-bus');

    await p.type('pattern-editor', GOOD);
    await expect(p.verdict).toHaveText('✓ Match');
    await p.apply();
    const rule = (await app.scenario()).nodes.find((n) => n.id === 'all-orders')!;
    expect(JSON.parse(rule.props.EventPattern as string)).toEqual(JSON.parse(GOOD));
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('pattern editor help', () => {
  test('completes operators and event fields, and explains operators on hover', async ({ app, page, consoleErrors }) => {
    const p = new PatternPage(page);
    await app.open();
    await app.canvas.node('high-value-orders').click();
    await p.open('EventPattern');
    // Field names come from the events web-shop sends to the bus.
    await p.type('pattern-editor', '{"detail": {"', { typed: true });
    const fields = await p.suggestions('pattern-editor');
    expect(fields).toEqual(expect.arrayContaining(['orderId', 'amount', 'customer', '$or']));
    await page.keyboard.press('Escape');
    await p.type('pattern-editor', '{"detail": {"amount": [{"', { typed: true });
    const operators = await p.suggestions('pattern-editor');
    expect(operators).toEqual(expect.arrayContaining(['prefix', 'suffix', 'anything-but', 'numeric', 'exists', 'equals-ignore-case', 'wildcard', 'cidr']));
    await app.screenshot('patterns-04-completion');
    await page.keyboard.press('Escape');
    await p.type('pattern-editor', '{"detail": {"amount": [{"anything-but": [0]}]}}');
    await p.editor('pattern-editor').getByText('"anything-but"').hover();
    await expect(page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'matches any value except' })).toBeVisible();
    await app.screenshot('patterns-05-hover');
    expect(consoleErrors).toEqual([]);
  });

  test('nothing typed breaks the editor, the worker or the page', async ({ app, page, consoleErrors }) => {
    const p = new PatternPage(page);
    await app.open();
    await app.canvas.node('all-orders').click();
    await p.open('EventPattern');
    const cases: Array<[string, RegExp]> = [
      ['{"source": [', /Unexpected end-of-input/],
      ['{"source": [{"regex": "a.*"}]}', /Unrecognized match type regex/],
      ['{"source": "aws.ec2"}', /"source" must be an object or an array/],
      ['{"detail": {"n": [{"numeric": [">", "x"]}]}}', /Value of > must be numeric/],
      [`{"source": [${Array.from({ length: 400 }, (_, i) => `"s${i}"`).join(',')}]}`, /Event pattern is too long/],
      ['['.repeat(5000), /./],
      ['{"a":'.repeat(3000), /./],
    ];
    for (const [text, message] of cases) {
      await p.type('pattern-editor', text);
      await expect(page.getByTestId('pattern-error')).toHaveText(message);
      await expect(p.squiggles('pattern-editor').first()).toBeAttached();
    }
    await app.screenshot('patterns-06-bad-input');
    await p.type('pattern-editor', '{"source": ["com.example.shop"]}');
    await p.type('event-editor', '{"source": ');
    await expect(page.getByTestId('event-error')).toContainText('The event is not valid JSON');
    await p.type('event-editor', '{"source": "com.example.shop"}');
    await expect(p.verdict).toHaveText('✓ Match');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('filters and transformers', () => {
  test('previews what a target receives through an input transformer, with AWS errors for bad paths and templates', async ({ app, page, consoleErrors }) => {
    const p = new PatternPage(page);
    await app.open();
    await app.canvas.edge('e-target-2').click({ force: true });
    await p.openTransformer();
    await p.type('paths-editor', '{\n  "order": "$.detail.orderId",\n  "amount": "$.detail.amount"\n}');
    await p.type('template-editor', '{\n  "order": <order>,\n  "text": "Order <order> for <amount> USD",\n  "rule": <aws.events.rule-name>,\n  "event": <aws.events.event.json>\n}');
    await expect(p.transformOutput).toContainText('"order": "order-1"');
    await expect(p.transformOutput).toContainText('"text": "Order order-1 for 5 USD"');
    await expect(p.transformOutput).toContainText('"rule": "all-orders"');
    await expect(p.transformOutput).toContainText('"event": {"version":"0"');
    await app.screenshot('patterns-07-transformer');
    await p.type('paths-editor', '{\n  "order": "detail.orderId"\n}');
    await p.type('template-editor', '"<order> <missing>"');
    await expect(p.transformProblems).toContainText('InputPath for target e-target-2 is invalid.');
    await expect(p.transformProblems).toContainText('InputTemplate for target e-target-2 contains invalid placeholder missing.');
    await expect(p.squiggles('template-editor')).toHaveCount(1);
    await expect(p.squiggles('paths-editor')).toHaveCount(1);
    await app.screenshot('patterns-08-transformer-errors');
    await p.type('paths-editor', '{"order": "$.detail.orderId"}');
    await p.type('template-editor', '"Order <order>"');
    await expect(p.transformOutput).toHaveText('"Order order-1"');
    await page.getByTestId('transformer-apply').click();
    await expect(p.transformer).toBeHidden();
    const edge = (await app.scenario()).edges.find((e) => e.id === 'e-target-2')!;
    expect(edge.props.InputTransformer).toEqual({ InputPathsMap: { order: '$.detail.orderId' }, InputTemplate: '"Order <order>"' });
    expect(consoleErrors).toEqual([]);
  });

  test('tests an SNS filter policy and an event source mapping filter on what reaches them', async ({ app, page, consoleErrors }) => {
    const p = new PatternPage(page);
    await app.open();
    await app.canvas.edge('e-esm-1').click({ force: true });
    await p.open('FilterCriteria');
    // The Lambda SQS batch that arrives from web-shop through the bus, the rule and the queue.
    await expect(page.getByTestId('event-choice').locator('option:checked')).toHaveText(/orders-queue \(SQS message\) → ChargeCard \(Lambda SQS batch\)$/);
    await expect(p.editor('event-editor')).toContainText('"Records": [');
    await p.type('pattern-editor', '{\n  "body": {\n    "detail-type": ["OrderPlaced"],\n    "detail": {"amount": [{"numeric": ["<", 100]}]}\n  }\n}');
    await expect(p.verdict).toHaveText('✓ Match');
    await expect(p.explanation).toContainText('The SQS body is read as JSON');
    await app.screenshot('patterns-09-esm-filter');
    await p.apply();
    const esm = (await app.scenario()).edges.find((e) => e.id === 'e-esm-1')!;
    expect((esm.props.FilterCriteria as { Filters: Array<{ Pattern: string }> }).Filters).toHaveLength(1);

    await app.canvas.edge('e-sub-1').click({ force: true });
    await p.open('FilterPolicy');
    await p.chooseEvent('SNS notification');
    await p.type('pattern-editor', '{"Test": [{"prefix": "Test"}], "wildcard-test": [{"wildcard": "*"}]}');
    await expect(page.getByTestId('pattern-error')).toHaveText(/./);
    await p.type('pattern-editor', '{"Test": [{"prefix": "Test"}]}');
    await expect(p.verdict).toHaveText(/Match|No match/);
    await app.screenshot('patterns-10-sns-policy');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('sample events', () => {
  test('fills a producer from the catalogue and shows the envelopes along the flow', async ({ app, page, consoleErrors }) => {
    await app.open();
    await app.canvas.node('web-shop').click();
    await page.getByTestId('template-from-sample').click();
    const dialog = page.getByTestId('producer-sample');
    await dialog.getByLabel('Sample', { exact: true }).selectOption({ label: 'EC2 instance state-change notification' });
    await dialog.getByText(/^Parameters of/).click();
    await dialog.getByLabel('State', { exact: true }).selectOption('stopped');
    await expect(page.getByTestId('producer-sample-preview')).toContainText('"state": "stopped"');
    await app.screenshot('patterns-11-producer-sample');
    await page.getByTestId('producer-sample-apply').click();
    await expect(dialog).toBeHidden();
    const producer = (await app.scenario()).nodes.find((n) => n.id === 'web-shop')!;
    expect((producer.behavior as { template: { Source: string; Detail: { state: string } } }).template).toMatchObject({ Source: 'custom.ec2', Detail: { state: 'stopped' } });

    await page.getByTestId('flow-payloads-open').click();
    const flow = page.getByTestId('flow-payloads');
    await expect(flow).toBeVisible();
    await flow.getByRole('tab', { name: /ChargeCard/ }).click();
    const steps = flow.getByTestId('flow-steps');
    await expect(steps).toContainText('orders (event on the bus)');
    await expect(steps).toContainText('orders-queue (SQS message)');
    await expect(steps).toContainText('ChargeCard (Lambda SQS batch)');
    await expect(steps.locator('details[open] pre')).toContainText('"eventSource": "aws:sqs"');
    await app.screenshot('patterns-12-flow-envelopes');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('pattern editor in the dark theme', () => {
  test('draws the verdicts legibly', async ({ app, page, consoleErrors }) => {
    const p = new PatternPage(page);
    await app.open();
    await app.setTheme('dark');
    await app.canvas.node('high-value-orders').click();
    await p.open('EventPattern');
    await p.type('pattern-editor', OR_SECOND);
    await expect(p.verdict).toHaveText('✓ Match');
    await expect(p.explanation).toContainText('$or at detail.$or: branch 2 matched');
    await expect(p.editor('pattern-editor')).toContainText('$or ✓ branch 2 matched');
    await page.getByTestId('test-bus').click();
    await expect(page.getByTestId('bus-test').locator('[data-rule="all-orders"]')).toContainText('✓ match');
    await app.screenshot('patterns-13-dark');
    expect(consoleErrors).toEqual([]);
  });
});
