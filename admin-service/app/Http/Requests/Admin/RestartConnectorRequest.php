<?php

namespace App\Http\Requests\Admin;

use App\Services\Pipeline\Connector;
use Illuminate\Foundation\Http\FormRequest;

class RestartConnectorRequest extends FormRequest
{
    public function authorize(): bool
    {
        return $this->user()->can('restart', Connector::class);
    }

    public function rules(): array
    {
        return [];
    }
}
