import { Button, Group, Input, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useId, useRef } from 'react';
import type { PointerEvent } from 'react';

interface SignaturePadProps {
  label: string;
  description?: string;
  /** Called with a PNG data URL after each stroke, or null when cleared. */
  onChange: (pngDataUrl: string | null) => void;
  error?: string | null;
  width?: number;
  height?: number;
}

/**
 * A canvas the patient signs on with a finger, stylus or mouse (pointer events). The drawing
 * is exported as a PNG data URL after every stroke; "Clear signature" starts over.
 */
export function SignaturePad({ label, description, onChange, error, width = 560, height = 180 }: SignaturePadProps): React.JSX.Element {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inked = useRef(false);
  const labelId = useId();

  const context = (): CanvasRenderingContext2D | null => {
    const ctx = canvasRef.current?.getContext('2d') ?? null;
    if (ctx) {
      ctx.lineWidth = 3;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#1a237e';
    }
    return ctx;
  };

  const point = (event: PointerEvent<HTMLCanvasElement>): { x: number; y: number } => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * event.currentTarget.width) / rect.width, y: ((event.clientY - rect.top) * event.currentTarget.height) / rect.height };
  };

  const clear = (): void => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    inked.current = false;
    onChange(null);
  };

  return (
    <div>
      <Input.Label id={labelId} required>{label}</Input.Label>
      {description && <Input.Description>{description}</Input.Description>}
      <canvas
        ref={canvasRef}
        width={width}
        height={height}
        role="img"
        aria-labelledby={labelId}
        style={{
          display: 'block', width: '100%', maxWidth: width, marginTop: 4, border: `2px dashed ${error ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-5)'}`,
          borderRadius: 8, background: 'white', touchAction: 'none', cursor: 'crosshair',
        }}
        onPointerDown={(e) => {
          const ctx = context();
          if (!ctx) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const { x, y } = point(e);
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = context();
          if (!ctx) return;
          const { x, y } = point(e);
          ctx.lineTo(x, y);
          ctx.stroke();
          inked.current = true;
        }}
        onPointerUp={() => {
          if (!drawing.current) return;
          drawing.current = false;
          if (inked.current && canvasRef.current) onChange(canvasRef.current.toDataURL('image/png'));
        }}
      />
      {error && <Input.Error mt={4}>{error}</Input.Error>}
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">Sign inside the box with a finger or stylus.</Text>
        <Button variant="subtle" size="xs" leftSection={<IconEraser size={14} aria-hidden />} onClick={clear}>
          Clear signature
        </Button>
      </Group>
    </div>
  );
}
