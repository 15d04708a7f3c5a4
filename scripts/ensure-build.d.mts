export function ensureBuild(root: string): Promise<boolean>;
