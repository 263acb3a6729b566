"""The receipt printer: ESC/POS bytes composed from the receipt model (python-escpos), and the
connection that sends them (USB, network, serial, device file). Hardware adapters only: who may
print and what gets logged is the services' business."""
