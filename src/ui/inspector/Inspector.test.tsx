// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useScenarioStore } from '../../store/scenarioStore';
import { testScenario } from '../../store/testScenario';
import Inspector from './Inspector';

const store = () => useScenarioStore.getState();
const queue = () => store().scenario.nodes.find((n) => n.id === 'q')! as unknown as { props: Record<string, unknown> };

describe('Inspector', () => {
  beforeEach(() => store().reset(testScenario()));
  afterEach(cleanup);

  it('renders every AWS property of the selected node from the schema, with bounds and units', () => {
    store().select(['q']);
    render(<Inspector />);
    for (const name of ['QueueName', 'FifoQueue', 'ContentBasedDeduplication', 'VisibilityTimeout', 'MessageRetentionPeriod', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds', 'MaximumMessageSize']) {
      expect(screen.getByLabelText(name, { exact: true })).toBeTruthy();
    }
    const vis = screen.getByLabelText('VisibilityTimeout', { exact: true }) as HTMLInputElement;
    expect([vis.type, vis.min, vis.max, vis.value]).toEqual(['number', '0', '43200', '30']);
    expect(screen.getByText('default 30 seconds · 0–43200')).toBeTruthy();
    expect(screen.getByText('Simulation behaviour')).toBeTruthy();
    expect(screen.getByLabelText('duplicateRate', { exact: true })).toBeTruthy();
  });

  it('keeps an invalid value on its field, marked and explained, and out of the model', () => {
    store().select(['q']);
    render(<Inspector />);
    const vis = screen.getByLabelText('VisibilityTimeout', { exact: true }) as HTMLInputElement;
    fireEvent.change(vis, { target: { value: '50000' } });
    expect(vis.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(vis.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(error.textContent).toBe('Must be at most 43200 seconds.');
    expect(queue().props.VisibilityTimeout).toBe(30);
    fireEvent.change(vis, { target: { value: '45' } });
    expect(vis.getAttribute('aria-invalid')).toBeNull();
    expect(queue().props.VisibilityTimeout).toBe(45);
  });

  it('shows the model refusal on the field when only the whole document can tell', () => {
    store().select(['q']);
    render(<Inspector />);
    // The name pattern passes the field check, but a FIFO queue's name must end in .fifo.
    const name = screen.getByLabelText('QueueName', { exact: true }) as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'orders.fifo' } });
    expect(queue().props.QueueName).toBe('q');
    expect(name.getAttribute('aria-invalid')).toBe('true');
  });

  it('edits JSON text on blur, refusing broken JSON', () => {
    store().select(['all']);
    render(<Inspector />);
    const pattern = screen.getByLabelText('EventPattern', { exact: true }) as HTMLTextAreaElement;
    fireEvent.change(pattern, { target: { value: '{"source": [' } });
    fireEvent.blur(pattern);
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(pattern, { target: { value: '{"source":["shop"]}' } });
    fireEvent.blur(pattern);
    expect(store().scenario.nodes.find((n) => n.id === 'all')!.props).toMatchObject({ EventPattern: '{"source":["shop"]}' });
  });

  it('offers the pattern editor beside pattern fields, keeping their text areas', () => {
    store().select(['all']);
    const { unmount } = render(<Inspector />);
    expect(screen.getByTestId('edit-pattern-EventPattern')).toBeTruthy();
    expect(screen.getByLabelText('EventPattern', { exact: true }).tagName).toBe('TEXTAREA');
    unmount();
    store().select(['e3']);
    const target = render(<Inspector />);
    expect(screen.getByTestId('edit-transformer')).toBeTruthy();
    target.unmount();
    store().select(['e5']);
    const esm = render(<Inspector />);
    expect(screen.getByTestId('edit-pattern-FilterCriteria')).toBeTruthy();
    esm.unmount();
    store().select(['shop']);
    render(<Inspector />);
    expect(screen.getByTestId('template-from-sample')).toBeTruthy();
    expect(screen.getByTestId('flow-payloads-open')).toBeTruthy();
  });

  it('shows the selected connection, and the scenario settings when nothing is selected', () => {
    store().select(['e5']);
    const { unmount } = render(<Inspector />);
    expect(screen.getByText('Event source mapping')).toBeTruthy();
    expect(screen.getByLabelText('BatchSize', { exact: true })).toBeTruthy();
    unmount();
    store().select([]);
    render(<Inspector />);
    expect(screen.getByLabelText('seed', { exact: true })).toBeTruthy();
  });
});
