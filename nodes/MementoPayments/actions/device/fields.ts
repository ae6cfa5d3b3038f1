export const CURRENT_DEVICE_PATH = '/v1/devices/current';
