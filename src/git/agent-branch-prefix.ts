/** Every agent branch is named litecode/<slug>. */
export const agentBranchPrefix = 'litecode/';
