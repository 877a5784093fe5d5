import type { EdgeKind, NodeKind } from '../../model/types';

/** The CloudFormation resource type a node kind stands for, so users can map the UI to templates. */
export const CFN_NODE_TYPES: Record<NodeKind, string> = {
  producer: 'simulated client (no AWS resource)',
  eventBus: 'AWS::Events::EventBus',
  rule: 'AWS::Events::Rule',
  sqsQueue: 'AWS::SQS::Queue',
  snsTopic: 'AWS::SNS::Topic',
  kinesisStream: 'AWS::Kinesis::Stream',
  lambdaFunction: 'AWS::Lambda::Function',
  pipe: 'AWS::Pipes::Pipe',
  schedule: 'AWS::Scheduler::Schedule',
  archive: 'AWS::Events::Archive',
};

/** Where an edge kind's settings live in CloudFormation. */
export const CFN_EDGE_TYPES: Record<EdgeKind, string> = {
  publish: 'PutEvents / SendMessage / Publish / PutRecord',
  busRule: 'AWS::Events::Rule EventBusName',
  ruleTarget: 'AWS::Events::Rule Targets[]',
  eventSourceMapping: 'AWS::Lambda::EventSourceMapping',
  subscription: 'AWS::SNS::Subscription',
  destination: 'AWS::Lambda::EventInvokeConfig DestinationConfig',
  redrive: 'AWS::SQS::Queue RedrivePolicy',
  pipeSource: 'AWS::Pipes::Pipe Source',
  pipeTarget: 'AWS::Pipes::Pipe Target',
  scheduleTarget: 'AWS::Scheduler::Schedule Target',
  archiveOf: 'AWS::Events::Archive SourceArn',
};
