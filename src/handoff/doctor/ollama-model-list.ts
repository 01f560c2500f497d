// doctor lists models through the same function a run uses to name the closest installed ones.
export { listOllamaModels } from '../../model/providers/ollama-model-list.js';
