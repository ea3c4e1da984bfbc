import { Cluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';

import { objectName, type KubernetesObject } from './kustomize';

interface Validatable {
  validate(): void;
}

// The Kubernetes API's schemas (kubernetes-models, generated from the OpenAPI of Kubernetes 1.2x) and
// CloudNativePG's CRD (@kubernetes-models/cloudnative-pg), by apiVersion and kind.
const MODELS: Record<string, new (data: never) => Validatable> = {
  'apps/v1 Deployment': Deployment,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1 Job': Job,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'v1 ConfigMap': ConfigMap,
  'v1 Namespace': Namespace,
  'v1 Service': Service,
  'postgresql.cnpg.io/v1 Cluster': Cluster,
};

/**
 * What the schema of the object's kind says is wrong with it (types, required fields, enums), or
 * undefined when it is valid. A kind with no schema here is a problem too: nothing unchecked goes out.
 */
export function schemaProblem(object: KubernetesObject): string | undefined {
  const Model = MODELS[`${object.apiVersion} ${object.kind}`];
  if (Model === undefined) return `${objectName(object)}: no schema for ${object.apiVersion} ${object.kind}`;
  try {
    new Model(object as never).validate();
    return undefined;
  } catch (error) {
    return `${objectName(object)}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
